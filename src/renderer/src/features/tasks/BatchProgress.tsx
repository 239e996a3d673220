import { Button, Card, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BatchView } from '../../../../shared/contract/tasks';
import { invoke } from '../../api/client';

/** One batch: a progress bar, a cancel button while it runs, and a result per item. */
export function BatchProgress({ batch }: { batch: BatchView }) {
  const { t } = useTranslation('tasks');
  const total = batch.items.length;
  const finished = batch.items.filter((item) => item.state !== 'queued' && item.state !== 'launching').length;
  const started = batch.items.filter((item) => item.state === 'started').length;
  return (
    <Card withBorder padding="sm" component="section" aria-label={t('batch.progressLabel')} data-testid="batch" data-state={batch.state}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{t(`batch.state.${batch.state}`, { finished, total, started })}</Text>
          {batch.state === 'running' ? (
            <Button size="xs" variant="default" onClick={() => void invoke('tasks.batchCancel', { batchId: batch.id })}>
              {t('batch.cancel')}
            </Button>
          ) : null}
        </Group>
        <Progress value={total === 0 ? 0 : (finished / total) * 100} aria-label={t('batch.progressLabel')} />
        <Table>
          <Table.Tbody>
            {batch.items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no id and never move
              <Table.Tr key={index} data-testid="batch-item" data-state={item.state}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>{item.roomId ?? '—'}</Table.Td>
                <Table.Td>{t(`batch.item.${item.state}`)}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {item.taskId ?? (item.error ? `${item.error.code}` : '')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
