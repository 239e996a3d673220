import { Badge, Button, Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconBroadcastOff, IconHelp, IconPlayerPlay, IconSearch, IconSwitchHorizontal } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveTask } from '../../../shared/contract/tasks';
import { errorData, invoke } from '../api/client';
import { useAccountsStore, useSelectedApp, useSelectedAppStore } from '../features/accounts/accounts-store';
import { targetOf } from '../features/accounts/target';
import { useLaunchSelectionStore } from '../features/launch/launch-selection-store';
import { useMediaView } from '../features/media/media-view-store';
import { usePresetsStore } from '../features/presets/presets-store';
import { useTasksStore } from '../features/tasks/tasks-store';
import { useNavigationStore } from './navigation-store';
import { filterPaletteActions } from './palette-filter';
import { screens } from './screens';
import { isMac, keysOf, shortcutFor } from './shortcuts';
import { TargetBadge } from './Target';

const findMediaId = 'find-media';
const alwaysShown = new Set([findMediaId]);
const mac = isMac(navigator.platform);
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  minHeight: 0,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * Ctrl/Cmd+K: go to a screen, launch a preset (through the Launch screen's confirmation), stop a
 * running task (after a confirmation here), find media, switch app. Bound by the keyboard layer.
 */
export function CommandPalette({ onHelp }: { onHelp(): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [stopping, setStopping] = useState<LiveTask | null>(null);
  const presets = usePresetsStore((state) => state.presets);
  const liveTasks = useTasksStore((state) => state.tasks);
  const overview = useAccountsStore((state) => state.overview);
  const apps = overview?.apps;
  const currentApp = useSelectedApp();
  const go = useNavigationStore((state) => state.go);

  const actions = useMemo<(SpotlightActionData | SpotlightActionGroupData)[]>(() => {
    const trimmed = query.trim();
    const running = Object.values(liveTasks).filter((task) => task.status === 'running');
    return [
      {
        group: t('palette.groups.screens'),
        actions: screens.map(({ id, label, icon: Icon }) => {
          const combo = shortcutFor(`screen:${id}`)?.combos[0];
          return {
            id: `go:${id}`,
            label: t('palette.goTo', { screen: t(label) }),
            leftSection: <Icon size={18} stroke={1.6} />,
            rightSection: combo ? <Kbd size="xs">{keysOf(combo, mac).join('+')}</Kbd> : undefined,
            onClick: () => go(id),
          };
        }),
      },
      {
        group: t('palette.groups.media'),
        actions: [
          {
            id: findMediaId,
            label: trimmed ? t('palette.findMedia', { query: trimmed }) : t('palette.findMediaEmpty'),
            leftSection: <IconSearch size={18} stroke={1.6} />,
            onClick: () => {
              useMediaView.getState().setQuery(trimmed);
              go('media');
            },
          },
        ],
      },
      {
        group: t('palette.groups.launch'),
        actions: (presets ?? []).map((preset) => ({
          id: `launch:${preset.id}`,
          label: t('palette.launchPreset', { name: preset.name }),
          description: t('palette.launchPresetDescription', { sdkAppId: preset.sdkAppId, roomId: preset.roomId }),
          keywords: [preset.folder, ...preset.tags],
          leftSection: <IconPlayerPlay size={18} stroke={1.6} />,
          rightSection: <TargetBadge kind={targetOf(overview, { sdkAppId: preset.sdkAppId }).kind} size="xs" />,
          onClick: () => {
            go('launch');
            useLaunchSelectionStore.getState().requestLaunch(preset.id);
          },
        })),
      },
      {
        group: t('palette.groups.stop'),
        actions: running.map((task) => ({
          id: `stop:${task.id}`,
          label: t('palette.stopTask', { name: task.label }),
          description: t('palette.taskWhere', { sdkAppId: task.sdkAppId, roomId: task.roomId || '—' }),
          keywords: task.taskId ? [task.taskId] : [],
          leftSection: <IconBroadcastOff size={18} stroke={1.6} />,
          rightSection: <TargetBadge kind={targetOf(overview, task).kind} size="xs" />,
          onClick: () => setStopping(task),
        })),
      },
      {
        group: t('palette.groups.apps'),
        actions: (apps ?? []).map((app) => ({
          id: `app:${app.id}`,
          label: t('palette.switchApp', { name: `${app.label} · ${app.sdkAppId}` }),
          leftSection: <IconSwitchHorizontal size={18} stroke={1.6} />,
          rightSection: app.id === currentApp?.id ? <Badge size="xs">{t('palette.currentApp')}</Badge> : undefined,
          onClick: () => useSelectedAppStore.getState().select(app.id),
        })),
      },
      {
        group: t('palette.groups.help'),
        actions: [{ id: 'help', label: t('shortcuts.title'), leftSection: <IconHelp size={18} stroke={1.6} />, onClick: onHelp }],
      },
    ];
  }, [t, query, presets, liveTasks, overview, apps, currentApp, go, onHelp]);

  return (
    <>
      <Spotlight
        actions={actions}
        query={query}
        onQueryChange={setQuery}
        filter={(text, all) => filterPaletteActions(text, all, alwaysShown)}
        // The keyboard layer binds Ctrl/Cmd+K from the shortcuts table (so it also works in fields).
        shortcut={null}
        onSpotlightOpen={loadData}
        nothingFound={t('palette.nothingFound')}
        scrollable
        maxHeight={420}
        searchProps={{ 'aria-label': t('palette.search'), placeholder: t('palette.placeholder'), leftSection: <IconSearch size={18} /> }}
        // A title names the dialog for screen readers; the search box is its visible heading.
        title={t('palette.open')}
        styles={{ header: visuallyHidden }}
        data-testid="command-palette"
      />
      <StopConfirm task={stopping} onClose={() => setStopping(null)} />
    </>
  );
}

/** The palette lists what the stores hold: fetch what no screen has loaded yet. */
function loadData(): void {
  if (usePresetsStore.getState().presets === null) void usePresetsStore.getState().load();
  if (!useTasksStore.getState().loaded) void useTasksStore.getState().load();
  if (useAccountsStore.getState().overview === null) void useAccountsStore.getState().load();
}

function StopConfirm({ task, onClose }: { task: LiveTask | null; onClose(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const stop = async (target: LiveTask) => {
    setBusy(true);
    try {
      const result = await invoke('tasks.stop', { id: target.id });
      if (result.stopped) notifications.show({ color: 'green', message: t('palette.stopped', { name: target.label }) });
      else notifications.show({ color: 'red', title: t('palette.stopFailed'), message: result.error?.message ?? '' });
      onClose();
    } catch (error) {
      notifications.show({ color: 'red', title: t('palette.stopFailed'), message: errorData(error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={task !== null} onClose={onClose} title={t('palette.stopConfirmTitle')}>
      {task ? (
        <Stack>
          <Text size="sm">{t('palette.stopConfirm', { name: task.label, sdkAppId: task.sdkAppId, roomId: task.roomId || '—' })}</Text>
          <Group justify="flex-end">
            {/* No destructive button has the focus by default: Enter alone stops nothing. */}
            <Button variant="default" data-autofocus onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void stop(task)}>
              {t('palette.stopButton')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
