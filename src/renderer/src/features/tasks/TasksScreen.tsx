import { Alert, Button, Card, Group, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveTask, StopResult } from '../../../../shared/contract/tasks';
import { errorData, invoke } from '../../api/client';
import { EmptyList, ListFailed, ListLoading } from '../../app/ListStates';
import { useNavigationStore } from '../../app/navigation-store';
import { AdoptDialog } from './AdoptDialog';
import { whileActing } from './acting';
import { BatchDialog } from './BatchDialog';
import { BatchProgress } from './BatchProgress';
import { TaskCard } from './TaskCard';
import { TaskHistory } from './TaskHistory';
import { useTasksStore } from './tasks-store';

interface RoomGroup {
  key: string;
  sdkAppId: number;
  roomId: string;
  tasks: LiveTask[];
}

/** Active tasks by app, then room; each group sorted by start time. */
function groupByRoom(tasks: LiveTask[]): RoomGroup[] {
  const groups = new Map<string, RoomGroup>();
  for (const task of tasks) {
    const key = `${task.sdkAppId}\n${task.roomId}`;
    const group = groups.get(key) ?? { key, sdkAppId: task.sdkAppId, roomId: task.roomId, tasks: [] };
    group.tasks.push(task);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.tasks.sort((a, b) => a.startedAt - b.startedAt);
  return [...groups.values()].sort((a, b) => a.sdkAppId - b.sdkAppId || a.roomId.localeCompare(b.roomId));
}

export function TasksScreen() {
  const { t } = useTranslation('tasks');
  const { tasks, batches, startupCheck, loaded, error, load } = useTasksStore();
  const go = useNavigationStore((state) => state.go);
  const [adopting, setAdopting] = useState(false);
  const [batching, setBatching] = useState(false);
  const [confirmStopAll, setConfirmStopAll] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const all = Object.values(tasks);
  const active = useMemo(() => groupByRoom(all.filter((task) => task.status !== 'ended')), [all]);
  const history = all.filter((task) => task.status === 'ended');
  const recentBatches = Object.values(batches).sort((a, b) => b.createdAt - a.createdAt);
  const running = all.filter((task) => task.status === 'running').length;

  const report = (results: StopResult[]) => {
    const failed = results.filter((result) => !result.stopped);
    notifications.show({
      color: failed.length ? 'red' : 'green',
      message: t('stopMany.report', { stopped: results.length - failed.length, failed: failed.length }),
    });
  };
  const stopMany = (ids: string[] | 'all', send: () => Promise<StopResult[]>) =>
    whileActing(ids, send())
      .then(report)
      .catch((failure) => notifications.show({ color: 'red', title: t('control.failed'), message: errorData(failure).message }));

  return (
    <Stack data-testid="tasks-screen" data-loaded={loaded ? 'yes' : 'no'}>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Group>
          <Button variant="default" onClick={() => setBatching(true)}>
            {t('batch.open')}
          </Button>
          <Button variant="default" onClick={() => setAdopting(true)}>
            {t('adopt.open')}
          </Button>
          <Button color="red" variant="light" disabled={running === 0} onClick={() => setConfirmStopAll(true)}>
            {t('stopMany.all')}
          </Button>
        </Group>
      </Group>
      {error ? <ListFailed what={t('title')} message={`${error.code}: ${error.message}`} onRetry={() => void load()} /> : null}
      {loaded ? null : <ListLoading what={t('title')} />}

      {startupCheck?.state === 'checking' ? (
        <Alert color="blue" title={t('startupCheck.title')} data-testid="startup-check">
          <Stack gap={6}>
            <Text size="sm">{t('startupCheck.progress', { checked: startupCheck.checked, total: startupCheck.total })}</Text>
            <Progress
              value={(100 * startupCheck.checked) / Math.max(1, startupCheck.total)}
              aria-label={t('startupCheck.title')}
              aria-valuenow={Math.round((100 * startupCheck.checked) / Math.max(1, startupCheck.total))}
            />
          </Stack>
        </Alert>
      ) : null}

      {recentBatches.map((batch) => (
        <BatchProgress key={batch.id} batch={batch} />
      ))}

      <Title order={3} size="h4">
        {t('active')}
      </Title>
      {loaded && active.length === 0 ? (
        <EmptyList
          text={t('noActive')}
          action={
            <Button size="xs" variant="default" onClick={() => go('launch')}>
              {t('launchFirst')}
            </Button>
          }
        />
      ) : null}
      {active.map((group) => (
        <Card
          key={group.key}
          withBorder
          component="section"
          aria-label={t('group', { sdkAppId: group.sdkAppId, roomId: group.roomId || '—' })}
        >
          <Group justify="space-between" mb="xs">
            <Title order={4} size="h5">
              {t('group', { sdkAppId: group.sdkAppId, roomId: group.roomId || '—' })}
            </Title>
            {group.roomId ? (
              <Button
                size="xs"
                color="red"
                variant="subtle"
                onClick={() =>
                  void stopMany(
                    group.tasks.map((task) => task.id),
                    () => invoke('tasks.stopRoom', { sdkAppId: group.sdkAppId, roomId: group.roomId }),
                  )
                }
              >
                {t('stopMany.room')}
              </Button>
            ) : null}
          </Group>
          <Stack gap="sm">
            {group.tasks.map((task) => (
              <TaskCard key={task.id} task={task} />
            ))}
          </Stack>
        </Card>
      ))}

      <Title order={3} size="h4">
        {t('history.title')}
      </Title>
      <TaskHistory tasks={history} />

      <AdoptDialog opened={adopting} onClose={() => setAdopting(false)} />
      {batching ? <BatchDialog opened onClose={() => setBatching(false)} /> : null}
      <Modal opened={confirmStopAll} onClose={() => setConfirmStopAll(false)} title={t('stopMany.confirmTitle')}>
        <Stack>
          <Text>{t('stopMany.confirm', { count: running })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmStopAll(false)}>
              {t('cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setConfirmStopAll(false);
                void stopMany('all', () => invoke('tasks.stopAll', {}));
              }}
            >
              {t('stopMany.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
