import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconLifebuoy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogExport, LogFilter, LogRow } from '../../../../shared/contract/log';
import { invoke, subscribe } from '../../api/client';
import { ListFailed } from '../../app/ListStates';
import { downloadExport } from './download';
import { LogDetails } from './LogDetails';
import { LogFilters } from './LogFilters';
import { LogTable } from './LogTable';
import { useLogStore } from './log-store';

export function LogScreen() {
  const { t } = useTranslation('log');
  const total = useLogStore((state) => state.total);
  const complete = useLogStore((state) => state.complete);
  const status = useLogStore((state) => state.status);
  const error = useLogStore((state) => state.error);
  const filter = useLogStore((state) => state.filter);
  const refresh = useLogStore((state) => state.refresh);
  const setFilter = useLogStore((state) => state.setFilter);
  const [selected, setSelected] = useState<LogRow | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    void refresh();
    // New calls arrive in batches (main pushes at most every 250 ms): show them as they come.
    return subscribe('log.appended', () => void refresh());
  }, [refresh]);

  async function runExport(kind: 'csv' | 'json' | 'bundle', exportFilter: LogFilter = filter) {
    setBusy(kind);
    try {
      const file: LogExport =
        kind === 'bundle'
          ? await invoke('log.diagnosticBundle', { filter: exportFilter })
          : await invoke('log.exportEntries', { filter: exportFilter, format: kind });
      downloadExport(file);
      notifications.show({
        color: file.truncated ? 'orange' : 'green',
        message: file.truncated
          ? t('export.truncated', { count: file.count })
          : t('export.done', { count: file.count, fileName: file.fileName }),
      });
    } catch (failure) {
      notifications.show({ color: 'red', title: t('export.failed'), message: (failure as Error).message });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('title')}</Title>
          <Text size="sm">{t('intro')}</Text>
        </div>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={busy === 'csv'}
            onClick={() => void runExport('csv')}
          >
            {t('export.csv')}
          </Button>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={busy === 'json'}
            onClick={() => void runExport('json')}
          >
            {t('export.json')}
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconLifebuoy size={16} />}
            loading={busy === 'bundle'}
            onClick={() => void runExport('bundle')}
          >
            {t('export.bundle')}
          </Button>
        </Group>
      </Group>
      {status?.writeError ? (
        <Alert color="red" data-testid="log-write-error">
          {t('writeError', { message: status.writeError.message })}
        </Alert>
      ) : null}
      {status && status.skipped > 0 ? (
        <Alert color="orange" data-testid="log-skipped">
          {t('skipped', { count: status.skipped })}
        </Alert>
      ) : null}
      {error ? <ListFailed what={t('title')} message={error} onRetry={() => void refresh()} /> : null}
      <LogFilters />
      <Text size="sm" data-testid="log-summary" aria-live="polite">
        {t('summary', { total, entries: status?.entries ?? total })}
        {complete ? '' : ` · ${t('indexing')}`}
      </Text>
      <LogTable onOpen={setSelected} />
      <LogDetails
        row={selected}
        onClose={() => setSelected(null)}
        onHistory={(taskId) => {
          setSelected(null);
          setFilter({ taskId });
        }}
        onBundle={(taskId) => void runExport('bundle', { taskId })}
        onCall={(callId) => {
          setSelected(null);
          setFilter({ callId });
        }}
      />
    </Stack>
  );
}
