import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GettingStartedGuide } from '../../app/GettingStartedGuide';
import { EmptyList, ListFailed, ListLoading } from '../../app/ListStates';
import { useNavigationStore } from '../../app/navigation-store';
import { usePresetsStore } from '../presets/presets-store';
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
            <Card key={preset.id} withBorder padding="sm" data-testid="launch-preset">
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
    </Stack>
  );
}
