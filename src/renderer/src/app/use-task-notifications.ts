import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { isActing } from '../features/tasks/acting';
import { useTasksStore } from '../features/tasks/tasks-store';
import { i18n } from '../i18n';
import { noticeForTask, type TaskNotice } from './task-notices';

const colour = { ended: 'blue', scheduled: 'blue', unknown: 'orange', problem: 'red' } as const;

/**
 * Tells the producer when a task ends by itself, ends unknown or a call about it starts failing,
 * whatever screen is shown. Follows the tasks store, which main's `tasks.changed` events feed. The
 * notice is polite (role="status") and never takes focus: the producer may be typing elsewhere.
 */
export function useTaskNotifications(): void {
  useEffect(
    () =>
      useTasksStore.subscribe((state, previous) => {
        if (state.tasks === previous.tasks) return;
        for (const [id, task] of Object.entries(state.tasks)) {
          const before = previous.tasks[id];
          if (before === task) continue;
          const notice = noticeForTask(before, task);
          // A failure of the user's own click is told by that control.
          if (notice && !(notice.kind === 'problem' && isActing(id))) show(notice);
        }
      }),
    [],
  );
}

function show(notice: TaskNotice): void {
  const values = { label: notice.label, room: notice.room, code: notice.code ?? '' };
  notifications.show({
    id: notice.key,
    color: colour[notice.kind],
    title: i18n.t(`common:taskNotices.${notice.kind}`),
    message: i18n.t(`common:taskNotices.${notice.kind}Body`, values),
    role: 'status',
    autoClose: notice.kind === 'ended' || notice.kind === 'scheduled' ? 15_000 : false,
    withCloseButton: true,
    'data-testid': 'task-notice',
    'data-kind': notice.kind,
  } as Parameters<typeof notifications.show>[0]);
}
