import { Badge, Button, ColorSwatch, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconBroadcast } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeychainState } from '../../../shared/contract/system';
import { useAccountsStore, useSelectedApp } from '../features/accounts/accounts-store';
import { targetOf } from '../features/accounts/target';
import { usePresetsStore } from '../features/presets/presets-store';
import { useTasksStore } from '../features/tasks/tasks-store';
import { useNavigationStore } from './navigation-store';
import { TargetBadge } from './Target';

const problemState = { KEYCHAIN_UNAVAILABLE: 'unavailable', KEYCHAIN_LOCKED: 'locked', KEYCHAIN_TIMEOUT: 'timeout' } as const;

/**
 * The footer: which account and app the screens work with, whether that is live or the sandbox, how
 * many live and sandbox tasks are running (from main's task events, never polled) and the keychain
 * when it is not usable. It never says "sandbox" while a live task runs or a live preset is listed on
 * the screen in view (Launch lists the picked app's presets; Presets lists every app's).
 */
export function StatusBar() {
  const { t } = useTranslation();
  const go = useNavigationStore((state) => state.go);
  const app = useSelectedApp();
  const profile = useAccountsStore((state) => state.overview?.profiles.find((candidate) => candidate.id === app?.profileId));
  const overviewProblem = useAccountsStore((state) => state.overview?.keychainProblem ?? null);
  const overview = useAccountsStore((state) => state.overview);
  const tasks = useTasksStore((state) => state.tasks);
  const presets = usePresetsStore((state) => state.presets);
  const screen = useNavigationStore((state) => state.current);
  const counts = useMemo(() => {
    let live = 0;
    let sandbox = 0;
    for (const task of Object.values(tasks)) {
      if (task.status !== 'running') continue;
      if (targetOf(overview, task).kind === 'sandbox') sandbox += 1;
      else live += 1;
    }
    return { live, sandbox };
  }, [tasks, overview]);
  const running = counts.live + counts.sandbox;
  const livePresetInView = useMemo(
    () => screen === 'presets' && (presets ?? []).some((preset) => targetOf(overview, { sdkAppId: preset.sdkAppId }).kind !== 'sandbox'),
    [screen, presets, overview],
  );
  const tasksLoaded = useTasksStore((state) => state.loaded);
  const loadTasks = useTasksStore((state) => state.load);

  useEffect(() => {
    if (!tasksLoaded) void loadTasks();
  }, [tasksLoaded, loadTasks]);

  // The overview says when the keychain failed it (and arrives again with every accounts.changed): no
  // keychain call of the status bar's own, since libsecret must not be asked twice at once.
  // "3 running tasks" when they are all of one kind is ambiguous: any running task names both kinds.
  const runningText = running === 0 ? t('statusBar.running', { count: 0 }) : t('statusBar.runningSplit', counts);
  const keychainState: KeychainState | null = overviewProblem ? problemState[overviewProblem] : null;

  return (
    <Group h="100%" px="md" gap="md" justify="space-between" wrap="nowrap" data-testid="status-bar">
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        {app ? (
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }} data-testid="status-app">
            <ColorSwatch color={app.colour} size={10} aria-hidden />
            <Text size="xs" truncate>
              {t('statusBar.current', { account: profile?.name ?? '—', app: app.label, sdkAppId: app.sdkAppId })}
            </Text>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            {t('statusBar.noApp')}
          </Text>
        )}
        {app?.sandbox && counts.live === 0 && !livePresetInView ? (
          <Badge color="grape.9" size="sm" variant="filled" data-testid="status-sandbox">
            {t('statusBar.sandbox')}
          </Badge>
        ) : app && (!app.sandbox || counts.live > 0 || livePresetInView) ? (
          <span data-testid="status-live" title={t('statusBar.live')}>
            <TargetBadge kind="live" />
          </span>
        ) : null}
      </Group>
      <Group gap="xs" wrap="nowrap">
        {keychainState ? (
          <Button
            size="compact-xs"
            variant="light"
            color="orange"
            leftSection={<IconAlertTriangle size={14} aria-hidden />}
            onClick={() => go('system')}
            aria-description={t('statusBar.keychainHint')}
            data-testid="status-keychain"
          >
            {t('statusBar.keychain', { state: t(`statusBar.keychainStates.${keychainState}`) })}
          </Button>
        ) : null}
        <Button
          size="compact-xs"
          variant={running > 0 ? 'light' : 'default'}
          color={counts.live > 0 ? 'red' : running > 0 ? 'green' : undefined}
          leftSection={<IconBroadcast size={14} aria-hidden />}
          onClick={() => go('tasks')}
          aria-label={runningText}
          aria-description={t('statusBar.runningHint')}
          data-testid="status-running"
          data-count={running}
          data-live={counts.live}
          data-sandbox={counts.sandbox}
        >
          {runningText}
        </Button>
        <VisuallyHidden role="status">{runningText}</VisuallyHidden>
      </Group>
    </Group>
  );
}
