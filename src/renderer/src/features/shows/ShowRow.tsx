import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCopy, IconFileSpreadsheet, IconJson, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ShowRun } from '../../../../shared/shows/run-state';
import type { ShowSummary } from '../../../../shared/shows/show-schema';
import { iconButton } from '../../app/icon-button';
import { useFormat } from '../../i18n/format';

interface RowProps {
  show: ShowSummary;
  selected: boolean;
  run: ShowRun | null;
  onOpen(): void;
  onDuplicate(): void;
  onDelete(): void;
  onExportJson(): void;
  onExportCsv(): void;
}

/** One show in the list: its name, size and start, whether it is armed, and its own actions. */
export function ShowRow({ show, selected, run, onOpen, onDuplicate, onDelete, onExportJson, onExportCsv }: RowProps) {
  const { t } = useTranslation('shows');
  const format = useFormat();
  const name = show.name;
  const mine = run && run.showId === show.id && run.state !== 'ended' ? run : null;
  return (
    <Card
      withBorder
      padding="xs"
      component="article"
      aria-label={name}
      data-testid="show-row"
      data-selected={selected || undefined}
      style={selected ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap">
          {/* The name is the button: its accessible name is what it shows. */}
          <UnstyledButton onClick={onOpen} aria-current={selected || undefined} data-testid="show-open">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} td={selected ? undefined : 'underline'}>
              {name}
            </Text>
          </UnstyledButton>
          {mine ? (
            <Badge size="xs" color={mine.state === 'held' ? 'yellow.9' : 'green.9'} data-testid="show-row-state">
              {t(`summary.${mine.state === 'held' ? 'held' : mine.state === 'running' ? 'running' : 'armed'}`)}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {t('summary.tasks', { count: show.taskCount })} · {t('summary.cues', { count: show.cueCount })} ·{' '}
          {show.plannedStart ? t('summary.starts', { time: format.dayTime(show.plannedStart) }) : t('summary.noStart')}
        </Text>
        <Group gap={2} justify="flex-end">
          {iconButton(t('actions.duplicate', { name }), IconCopy, onDuplicate)}
          {iconButton(t('actions.exportJson', { name }), IconJson, onExportJson)}
          {iconButton(t('actions.exportCsv', { name }), IconFileSpreadsheet, onExportCsv)}
          {iconButton(t('actions.delete', { name }), IconTrash, onDelete)}
        </Group>
      </Stack>
    </Card>
  );
}
