import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GettingStartedGuide } from '../../app/GettingStartedGuide';
import { EmptyList, ListFailed, ListLoading } from '../../app/ListStates';
import { useNavigationStore } from '../../app/navigation-store';
import { TargetLine, useTarget } from '../../app/Target';
import { useSelectedApp } from '../accounts/accounts-store';
import { usePresetsStore } from '../presets/presets-store';
import { LaunchSummary } from './LaunchSummary';
import { useLaunchSelectionStore } from './launch-selection-store';
import { RequestPreview } from './RequestPreview';
import { TaskList } from './TaskList';
import { useLaunch } from './use-launch';

/**
 * One click per preset, and what each launch became (TaskId, or why not). The header's app picker
 * scopes the presets: Launch shows only that app's, and says how many other apps' it leaves out.
 */
export function LaunchScreen() {
  const { t } = useTranslation('launch');
  const allPresets = usePresetsStore((state) => state.presets);
  const app = useSelectedApp();
  const presets = app && allPresets ? allPresets.filter((preset) => preset.sdkAppId === app.sdkAppId) : allPresets;
  const hidden = (allPresets?.length ?? 0) - (presets?.length ?? 0);
  const load = usePresetsStore((state) => state.load);
  const error = usePresetsStore((state) => state.error);
  const go = useNavigationStore((state) => state.go);
  const { launch, retry, busy, modal } = useLaunch();
  const [previewing, setPreviewing] = useState<string | null>(null);
  const selectedPresetId = useLaunchSelectionStore((state) => state.selectedPresetId);
  const select = useLaunchSelectionStore((state) => state.select);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <GettingStartedGuide />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack gap="xs" component="section" aria-labelledby="launch-presets-title">
          <Title order={3} size="h4" id="launch-presets-title">
            {t('presetsTitle')}
          </Title>
          {app && allPresets ? (
            <Text size="sm" c="dimmed" data-testid="launch-scope" data-hidden={hidden}>
              {t('scope', { app: `${app.label} (${app.sdkAppId})` })} {hidden > 0 ? t('scopeHidden', { count: hidden }) : null}
            </Text>
          ) : null}
          {error ? (
            <ListFailed what={t('presetsTitle')} message={error.message} onRetry={() => void load()} />
          ) : presets === null ? (
            <ListLoading what={t('presetsTitle')} />
          ) : presets.length === 0 && hidden === 0 ? (
            <EmptyList
              text={t('noPresets')}
              action={
                <Button size="xs" variant="default" onClick={() => go('presets')}>
                  {t('createPreset')}
                </Button>
              }
            />
          ) : null}
          {presets?.map((preset) => (
            <Card
              key={preset.id}
              withBorder
              padding="sm"
              data-testid="launch-preset"
              data-selected={selectedPresetId === preset.id || undefined}
              // The preset last focused or clicked is the one Ctrl+Enter offers to launch.
              onFocusCapture={() => select(preset.id)}
              onPointerDown={() => select(preset.id)}
              style={selectedPresetId === preset.id ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}
            >
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {preset.name}
                  </Text>
                  <PresetTarget sdkAppId={preset.sdkAppId} region={preset.region} />
                  <Text size="xs" c="dimmed">
                    {t('room')} {preset.roomId}
                  </Text>
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    variant="subtle"
                    size="xs"
                    aria-expanded={previewing === preset.id}
                    aria-label={t('preview.show', { name: preset.name })}
                    onClick={() => setPreviewing(previewing === preset.id ? null : preset.id)}
                  >
                    {t('preview.toggle')}
                  </Button>
                  <Button
                    leftSection={<IconPlayerPlay size={14} />}
                    loading={busy}
                    onClick={() => void launch({ kind: 'preset', presetId: preset.id })}
                    aria-label={t('presets:actions.launch', { name: preset.name })}
                  >
                    {t('launch')}
                  </Button>
                </Group>
              </Group>
              {previewing === preset.id ? <RequestPreview source={{ kind: 'preset', presetId: preset.id }} /> : null}
            </Card>
          ))}
        </Stack>
        <TaskList onRetry={(record) => void retry(record)} />
      </SimpleGrid>
      {modal}
      <ConfirmLaunch onConfirm={(presetId) => void launch({ kind: 'preset', presetId }, { confirmed: true })} />
    </Stack>
  );
}

function PresetTarget({ sdkAppId, region }: { sdkAppId: number; region: string }) {
  return <TargetLine target={useTarget({ sdkAppId, region })} />;
}

/**
 * The confirmation every keyboard launch goes through (palette, Ctrl+Enter): what, where, then send.
 * It shows the same summary as the first live launch's, so confirming it counts as that one.
 */
function ConfirmLaunch({ onConfirm }: { onConfirm(presetId: string): void }) {
  const { t } = useTranslation('launch');
  const presetId = useLaunchSelectionStore((state) => state.confirmingPresetId);
  const dismiss = useLaunchSelectionStore((state) => state.dismiss);
  const preset = usePresetsStore((state) => state.presets?.find((candidate) => candidate.id === presetId));
  const target = useTarget({ sdkAppId: preset?.sdkAppId ?? 0, region: preset?.region });
  return (
    <Modal opened={preset !== undefined} onClose={dismiss} title={t('confirm.title')}>
      {preset ? (
        <Stack>
          <Text size="sm" data-testid="confirm-launch-text">
            {t('confirm.body', { name: preset.name, sdkAppId: preset.sdkAppId, roomId: preset.roomId })}
          </Text>
          <LaunchSummary facts={preset} target={target} />
          <Group justify="flex-end">
            {/* Into a live app Cancel has the focus: Enter alone never starts a billed stream. */}
            <Button variant="default" data-autofocus={target.kind !== 'sandbox' || undefined} onClick={dismiss}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              data-autofocus={target.kind === 'sandbox' || undefined}
              color={target.kind === 'sandbox' ? undefined : 'red.9'}
              leftSection={<IconPlayerPlay size={14} />}
              onClick={() => {
                dismiss();
                onConfirm(preset.id);
              }}
            >
              {t('confirm.launch')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
