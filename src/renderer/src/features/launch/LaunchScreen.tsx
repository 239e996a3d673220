import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GettingStartedGuide } from '../../app/GettingStartedGuide';
import { EmptyList, ListFailed, ListLoading } from '../../app/ListStates';
import { useNavigationStore } from '../../app/navigation-store';
import { usePresetsStore } from '../presets/presets-store';
import { useLaunchSelectionStore } from './launch-selection-store';
import { RequestPreview } from './RequestPreview';
import { TaskList } from './TaskList';
import { useLaunch } from './use-launch';

/** One click per preset, and what each launch became (TaskId, or why not). */
export function LaunchScreen() {
  const { t } = useTranslation('launch');
  const presets = usePresetsStore((state) => state.presets);
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
          {error ? (
            <ListFailed what={t('presetsTitle')} message={error} onRetry={() => void load()} />
          ) : presets === null ? (
            <ListLoading what={t('presetsTitle')} />
          ) : presets.length === 0 ? (
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
                  <Text fw={600} truncate>
                    {preset.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {preset.sdkAppId} · {preset.region} · {t('room')} {preset.roomId}
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
        <TaskList onRetry={(record) => void retry(record.id, record.state === 'unknown')} />
      </SimpleGrid>
      {modal}
      <ConfirmLaunch onConfirm={(presetId) => void launch({ kind: 'preset', presetId })} />
    </Stack>
  );
}

/** The confirmation every keyboard launch goes through (palette, Ctrl+Enter): what, where, then send. */
function ConfirmLaunch({ onConfirm }: { onConfirm(presetId: string): void }) {
  const { t } = useTranslation('launch');
  const presetId = useLaunchSelectionStore((state) => state.confirmingPresetId);
  const dismiss = useLaunchSelectionStore((state) => state.dismiss);
  const preset = usePresetsStore((state) => state.presets?.find((candidate) => candidate.id === presetId));
  return (
    <Modal opened={preset !== undefined} onClose={dismiss} title={t('confirm.title')}>
      {preset ? (
        <Stack>
          <Text size="sm" data-testid="confirm-launch-text">
            {t('confirm.body', { name: preset.name, sdkAppId: preset.sdkAppId, roomId: preset.roomId })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss}>
              {t('common:actions.cancel')}
            </Button>
            <Button
              data-autofocus
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
