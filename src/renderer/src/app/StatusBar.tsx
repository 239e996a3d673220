import { Badge, Button, ColorSwatch, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconBroadcast } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeychainState } from '../../../shared/contract/system';
import { useAccountsStore, useSelectedApp } from '../features/accounts/accounts-store';
import { useTasksStore } from '../features/tasks/tasks-store';
import { useNavigationStore } from './navigation-store';

const problemState = { KEYCHAIN_UNAVAILABLE: 'unavailable', KEYCHAIN_LOCKED: 'locked', KEYCHAIN_TIMEOUT: 'timeout' } as const;

/**
 * The footer: which account and app the screens work with, whether that is the sandbox, how many
 * tasks are running (from main's task events, never polled) and the keychain when it is not usable.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const go = useNavigationStore((state) => state.go);
  const app = useSelectedApp();
  const profile = useAccountsStore((state) => state.overview?.profiles.find((candidate) => candidate.id === app?.profileId));
  const overviewProblem = useAccountsStore((state) => state.overview?.keychainProblem ?? null);
  const running = useTasksStore((state) => Object.values(state.tasks).filter((task) => task.status === 'running').length);
  const tasksLoaded = useTasksStore((state) => state.loaded);
  const loadTasks = useTasksStore((state) => state.load);

  useEffect(() => {
    if (!tasksLoaded) void loadTasks();
  }, [tasksLoaded, loadTasks]);

  // The overview says when the keychain failed it (and arrives again with every accounts.changed): no
  // keychain call of the status bar's own, since libsecret must not be asked twice at once.
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
        {app?.sandbox ? (
          <Badge color="grape" size="sm" variant="filled" data-testid="status-sandbox">
            {t('statusBar.sandbox')}
          </Badge>
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
          color={running > 0 ? 'green' : undefined}
          leftSection={<IconBroadcast size={14} aria-hidden />}
          onClick={() => go('tasks')}
          aria-label={t('statusBar.running', { count: running })}
          aria-description={t('statusBar.runningHint')}
          data-testid="status-running"
          data-count={running}
        >
          {t('statusBar.running', { count: running })}
        </Button>
        <VisuallyHidden role="status">{t('statusBar.running', { count: running })}</VisuallyHidden>
      </Group>
    </Group>
  );
}
