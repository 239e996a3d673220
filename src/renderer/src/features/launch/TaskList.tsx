import { Alert, Badge, Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskRecord } from '../../../../shared/contract/launch';
import { adviceFor, type CatalogLanguage } from '../../../../shared/trtc/error-catalog';
import { EmptyList, ListFailed, ListLoading } from '../../app/ListStates';
import { useFormat } from '../../i18n/format';
import { useTasksStore as useBoardStore } from '../tasks/tasks-store';
import { useLaunchRecordsStore } from './launch-records-store';
import { RecordTarget } from './RecordTarget';

const stateColor = { pending: 'gray', started: 'green', failed: 'red', unknown: 'orange' } as const;

/** Every launch the registry holds, newest first: TaskId when started, the catalog's advice otherwise. */
export function TaskList({ onRetry }: { onRetry(record: TaskRecord): void }) {
  const { t } = useTranslation('launch');
  const tasks = useLaunchRecordsStore((state) => state.tasks);
  const load = useLaunchRecordsStore((state) => state.load);
  const error = useLaunchRecordsStore((state) => state.error);

  useEffect(() => {
    void load();
    // The cards follow the board (stopped, ended, paused): load it if no screen has yet.
    if (!useBoardStore.getState().loaded) void useBoardStore.getState().load();
  }, [load]);

  return (
    <Stack gap="xs" component="section" aria-labelledby="tasks-title">
      <Title order={3} size="h4" id="tasks-title">
        {t('tasksTitle')}
      </Title>
      {error ? (
        <ListFailed what={t('tasksTitle')} message={error.message} onRetry={() => void load()} />
      ) : tasks === null ? (
        <ListLoading what={t('tasksTitle')} />
      ) : tasks.length === 0 ? (
        <EmptyList text={t('noTasks')} />
      ) : null}
      {tasks?.map((task) => (
        <TaskCard key={task.id} task={task} onRetry={() => onRetry(task)} />
      ))}
    </Stack>
  );
}

/**
 * What the board now says of a started launch (the board's task has the record's id): paused, or
 * ended and why. Null while it runs as started, or when the board does not have it.
 */
function useLiveState(task: TaskRecord): { key: string; label: string; color: string } | null {
  const { t } = useTranslation('tasks');
  const live = useBoardStore((state) => state.tasks[task.id]);
  if (task.state !== 'started' || !live) return null;
  if (live.status === 'ended')
    return { key: 'ended', label: live.endReason ? t(`endReason.${live.endReason}`) : t('status.ended'), color: 'gray' };
  if (live.status === 'running' && live.paused) return { key: 'paused', label: t('status.paused'), color: 'yellow' };
  return null;
}

function TaskCard({ task, onRetry }: { task: TaskRecord; onRetry(): void }) {
  const { t, i18n } = useTranslation('launch');
  const format = useFormat();
  const language: CatalogLanguage = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const advice = task.error ? adviceFor(task.error.code, language) : null;
  const live = useLiveState(task);
  return (
    <Card
      withBorder
      padding="sm"
      data-testid="task-record"
      data-state={task.state}
      data-live={live?.key ?? task.state}
      component="article"
      aria-label={task.presetName}
    >
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{task.presetName}</Text>
            <Badge color={live?.color ?? stateColor[task.state]} data-testid="task-state">
              {live?.label ?? t(`state.${task.state}`)}
            </Badge>
          </Group>
          <RecordTarget record={task} />
          <Text size="xs" c="dimmed">
            {format.dateTime(task.createdAt)} · {task.sdkAppId} · {task.region} · {t('room')} {task.roomId} · {task.userId}
          </Text>
          {task.retryOf ? (
            <Text size="xs" c="dimmed">
              {t('retryOf')}
            </Text>
          ) : null}
        </Stack>
        {task.taskId ? (
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            {/* TaskIds are long unbroken strings: let them wrap anywhere so the Copy button keeps its room. */}
            <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {t('taskId')}: <code data-testid="task-id">{task.taskId}</code>
            </Text>
            <CopyButton value={task.taskId}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="light" onClick={copy} aria-label={t('copyTaskId')} style={{ flexShrink: 0 }}>
                  {copied ? t('common:actions.copied') : t('common:actions.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        ) : null}
      </Group>
      {task.state === 'unknown' ? (
        <Alert color="orange" mt="xs" data-testid="task-unknown">
          {task.unknownReason ? <Text size="sm">{t(`unknownReason.${task.unknownReason}`)}</Text> : null}
          <Text size="sm">{t('unknownAdvice')}</Text>
        </Alert>
      ) : null}
      {task.state === 'failed' && task.error && advice ? (
        <Alert color="red" mt="xs" data-testid="task-error" title={advice.explanation}>
          <Text size="sm">
            {t('fix')}: {advice.fix}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t('errorCode')}: <code data-testid="task-error-code">{task.error.code}</code>
            {task.error.requestId ? ` · ${t('requestId')}: ${task.error.requestId}` : ''}
          </Text>
          <Text size="xs" c="dimmed">
            {task.error.message}
          </Text>
        </Alert>
      ) : null}
      {task.state === 'failed' || task.state === 'unknown' ? (
        <Group justify="flex-end" mt="xs">
          <Button size="xs" variant="light" color="orange" onClick={onRetry}>
            {t('retry')}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}
