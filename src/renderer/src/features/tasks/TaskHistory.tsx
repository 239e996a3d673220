import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { LiveTask } from '../../../../shared/contract/tasks';
import { derivedFacts } from '../../../../shared/tasks/derived-facts';
import { errorData, invoke } from '../../api/client';
import { useFormat } from '../../i18n/format';

/** Finished tasks, newest first. */
export function TaskHistory({ tasks }: { tasks: LiveTask[] }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  if (tasks.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  const sorted = [...tasks].sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0));
  return (
    <Table striped data-testid="task-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('history.task')}</Table.Th>
          <Table.Th>{t('history.where')}</Table.Th>
          <Table.Th>{t('history.ended')}</Table.Th>
          <Table.Th>{t('history.reason')}</Table.Th>
          <Table.Th>{t('elapsed')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('history.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((task) => (
          <Table.Tr key={task.id} data-task-id={task.id}>
            <Table.Td>
              <Text size="sm">{task.label}</Text>
              <Text size="xs" c="dimmed" ff="monospace">
                {task.taskId ?? t('noTaskId')}
              </Text>
            </Table.Td>
            <Table.Td>{t('group', { sdkAppId: task.sdkAppId, roomId: task.roomId || '—' })}</Table.Td>
            <Table.Td>{task.endedAt ? format.dayTime(task.endedAt) : '—'}</Table.Td>
            <Table.Td>{t(`endReason.${task.endReason ?? 'not-exist'}`)}</Table.Td>
            <Table.Td>{format.duration(derivedFacts(task, task.endedAt ?? Date.now()).elapsedMs)}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="subtle"
                aria-label={t('history.forgetOf', { name: task.label })}
                onClick={() =>
                  invoke('tasks.forget', { id: task.id }).catch((error) =>
                    notifications.show({ color: 'red', title: t('control.failed'), message: errorData(error).message }),
                  )
                }
              >
                {t('history.forget')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
