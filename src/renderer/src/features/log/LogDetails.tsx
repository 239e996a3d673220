import { Button, Code, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconHistory, IconLifebuoy, IconLink } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogRow } from '../../../../shared/contract/log';
import { useCall } from '../../api/use-call';
import { useFormat } from '../../i18n/format';
import { CopyValue } from './CopyValue';

interface Props {
  row: LogRow | null;
  onClose(): void;
  onHistory(taskId: string): void;
  onBundle(taskId: string): void;
  /** Every API call made for the same page action (the dispatcher's call id). */
  onCall(callId: string): void;
}

/** One call in full: its redacted parameters and the response, fetched from main when opened. */
export function LogDetails({ row, onClose, onHistory, onBundle, onCall }: Props) {
  const { t } = useTranslation('log');
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={
        row ? (
          <Title order={2} size="h4">
            {t('details.title', { action: t(`actions.${row.action}`) })}
          </Title>
        ) : null
      }
      closeButtonProps={{ 'aria-label': t('details.close') }}
    >
      {row ? <DetailsBody id={row.id} onHistory={onHistory} onBundle={onBundle} onCall={onCall} /> : null}
    </Drawer>
  );
}

function DetailsBody({ id, onHistory, onBundle, onCall }: Omit<Props, 'row' | 'onClose'> & { id: string }) {
  const { t } = useTranslation('log');
  const format = useFormat();
  const { data: entry, error } = useCall('log.entry', { id });
  if (error) return <Text c="red">{error.message}</Text>;
  if (!entry) return <Text>{t('common:state.loading')}</Text>;
  const rows: [string, ReactNode][] = [
    [t('details.time'), format.dateTime(entry.at)],
    [t('columns.action'), entry.action],
    [t('details.purpose'), entry.purpose],
    [t('details.account'), entry.profileName],
    [t('details.sandbox'), entry.sandbox ? t('details.yes') : t('details.no')],
    [t('details.region'), entry.region],
    [t('columns.app'), entry.sdkAppId ?? ''],
    [t('columns.room'), entry.roomId ?? ''],
    [t('columns.taskId'), <CopyValue key="task" value={entry.taskId} label="copyTaskId" testId="details-copy-task-id" />],
    [t('columns.requestId'), <CopyValue key="request" value={entry.requestId} label="copyRequestId" testId="details-copy-request-id" />],
    [t('details.callId'), entry.callId ?? t('details.background')],
    [t('details.outcome'), t(`outcomes.${entry.outcome}`)],
    [t('details.error'), [entry.errorCode, entry.errorMessage].filter(Boolean).join(': ')],
    [t('details.latency'), t('ms', { value: entry.latencyMs })],
    [t('details.appVersion'), entry.appVersion],
  ];
  if (entry.repeat) {
    rows.push([
      t('details.repeat'),
      t('details.repeatValue', {
        count: entry.repeat.count,
        lastAt: format.dateTime(entry.repeat.lastAt),
        lastRequestId: entry.repeat.lastRequestId ?? '',
      }),
    ]);
  }
  const { taskId, callId } = entry;
  return (
    <Stack data-testid="log-details">
      {taskId || callId ? (
        <Group gap="xs">
          {taskId ? (
            <Button size="xs" variant="light" leftSection={<IconHistory size={16} />} onClick={() => onHistory(taskId)}>
              {t('details.history')}
            </Button>
          ) : null}
          {taskId ? (
            <Button size="xs" variant="light" leftSection={<IconLifebuoy size={16} />} onClick={() => onBundle(taskId)}>
              {t('details.bundle')}
            </Button>
          ) : null}
          {callId ? (
            <Button size="xs" variant="light" leftSection={<IconLink size={16} />} onClick={() => onCall(callId)}>
              {t('details.sameAction')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <Table>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={140}>{label}</Table.Th>
              <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600} size="sm">
        {t('details.params')}
      </Text>
      <Code block data-testid="details-params">
        {JSON.stringify(entry.params, null, 2)}
      </Code>
      <Text fw={600} size="sm">
        {t('details.response')}
      </Text>
      {entry.response ? <Code block>{JSON.stringify(entry.response, null, 2)}</Code> : <Text size="sm">{t('details.noResponse')}</Text>}
    </Stack>
  );
}
