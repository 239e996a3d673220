import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveTask } from '../../../../shared/contract/tasks';
import { derivedFacts } from '../../../../shared/tasks/derived-facts';
import { TargetLine, useTarget } from '../../app/Target';
import { useFormat } from '../../i18n/format';
import { failureAdvice } from './failure-advice';
import { TaskControls } from './TaskControls';
import { TaskPlace } from './TaskPlace';
import { useBeingChecked } from './tasks-store';
import { useNow } from './use-now';

const statusColor = { launching: 'blue', running: 'green', ended: 'gray', unknown: 'orange' } as const;

export function StatusBadge({ task }: { task: LiveTask }) {
  const { t } = useTranslation('tasks');
  const key = task.status === 'running' && task.paused ? 'paused' : task.status;
  return (
    <Badge color={key === 'paused' ? 'yellow' : statusColor[task.status]} variant="light" data-testid="task-status" data-status={key}>
      {t(`status.${key}`)}
    </Badge>
  );
}

/** Where the task's calls go: its account and app, and the region of its Start (not the profile's today). */
function TaskTarget({ task }: { task: LiveTask }) {
  return <TargetLine target={useTarget({ sdkAppId: task.sdkAppId, profileId: task.profileId, region: task.region })} />;
}

/** The task's last failed call: its code, and for a TRTC call the catalog's explanation and fix. */
function LastError({ problem }: { problem: NonNullable<LiveTask['lastError']> }) {
  const { t, i18n } = useTranslation('tasks');
  const advice = failureAdvice(problem, i18n.language);
  return (
    <Text size="xs" c="red" data-testid="task-error">
      {t('lastError', { code: problem.code })}
      {advice ? ` ${advice.explanation} ${advice.fix}` : ''}
    </Text>
  );
}

/**
 * One active task: what it is, derived times, and its controls. Memoised: a show has 200 of these, and
 * only the card whose task changed renders again (the times tick in their own small component).
 */
export const TaskCard = memo(function TaskCard({ task }: { task: LiveTask }) {
  const { t } = useTranslation('tasks');
  const beingChecked = useBeingChecked(task.id);
  return (
    <Card withBorder padding="sm" component="article" aria-label={task.label} data-testid="task-card" data-task-id={task.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text fw={600}>{task.label}</Text>
            <StatusBadge task={task} />
            {beingChecked ? (
              <Badge color="gray" variant="outline" data-testid="task-being-checked">
                {t('startupCheck.badge')}
              </Badge>
            ) : null}
            {task.origin === 'adopted' ? <Badge variant="outline">{t('adopted')}</Badge> : null}
          </Group>
          <Text size="xs" c="dimmed" ff="monospace">
            {task.taskId ?? t('noTaskId')}
          </Text>
        </Group>
        <TaskTarget task={task} />
        <Group gap="lg">
          <TaskTimes task={task} />
          {task.volume !== null ? <Text size="sm">{t('volumeValue', { volume: task.volume })}</Text> : null}
          <TaskPlace task={task} />
        </Group>
        {task.streamUrl ? (
          <Text size="xs" c="dimmed" truncate="end" data-testid="task-source">
            {t('source')}: {task.streamUrl}
          </Text>
        ) : null}
        {task.status === 'unknown' ? (
          <Text size="sm" c="orange">
            {t('unknownHelp')}{' '}
            <Anchor size="sm" href="https://console.cloud.tencent.com/trtc" target="_blank" rel="noreferrer">
              {t('console')}
            </Anchor>
          </Text>
        ) : null}
        {task.lastError ? <LastError problem={task.lastError} /> : null}
        {task.status === 'running' ? <TaskControls task={task} /> : null}
      </Stack>
    </Card>
  );
});

/** Elapsed time, expected end and how fresh the status is, refreshed every second. */
function TaskTimes({ task }: { task: LiveTask }) {
  const { t } = useTranslation('tasks');
  const format = useFormat();
  const now = useNow();
  const facts = derivedFacts(task, now);
  return (
    <>
      <Text size="sm">
        {t('elapsed')}: <span data-testid="elapsed">{format.duration(facts.elapsedMs)}</span>
      </Text>
      <Text size="sm">
        {t('expectedEnd')}: {facts.expectedEndAt === null ? t('unknownValue') : format.dayTime(facts.expectedEndAt)}
      </Text>
      {task.status === 'running' || task.status === 'unknown' ? (
        // A status older than a minute is worth a glance: the board's polls are behind.
        <Text
          size="sm"
          c={task.lastCheckedAt !== null && now - task.lastCheckedAt > 60_000 ? 'orange.8' : 'dimmed'}
          data-testid="task-checked"
          data-checked-at={task.lastCheckedAt ?? undefined}
        >
          {task.lastCheckedAt === null ? t('notChecked') : t('checked', { ago: format.relative(Math.min(task.lastCheckedAt, now), now) })}
        </Text>
      ) : null}
    </>
  );
}
