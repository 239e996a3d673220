import { Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { useLaunchRecordsStore as useLaunchRecords } from '../launch/launch-records-store';

/**
 * The first chapter of a launched task's history, before any API call: the launch record written as
 * pending before its Start left (the registry, not the log, holds it), and when the TaskId arrived.
 */
export function LaunchRecordNote({ taskId }: { taskId: string }) {
  const { t } = useTranslation('log');
  const format = useFormat();
  const record = useLaunchRecords((state) => state.tasks?.find((candidate) => candidate.taskId === taskId));
  const loaded = useLaunchRecords((state) => state.tasks !== null);
  useEffect(() => {
    if (!loaded) void useLaunchRecords.getState().load();
  }, [loaded]);
  if (!record) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="launch-record-note">
      {t('launchRecord', {
        preset: record.presetName,
        pendingAt: format.dateTime(record.createdAt),
        settledAt: format.dateTime(record.updatedAt),
      })}
    </Text>
  );
}
