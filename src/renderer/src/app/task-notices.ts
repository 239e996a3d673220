import type { LiveTask } from '../../../shared/contract/tasks';

export type TaskNoticeKind = 'ended' | 'scheduled' | 'unknown' | 'problem';

export interface TaskNotice {
  kind: TaskNoticeKind;
  /** One notice per task and happening, so a repeated event does not stack copies. */
  key: string;
  label: string;
  room: string;
  code?: string;
}

/**
 * What a board change is worth telling a producer who may be looking elsewhere: a task that ended by
 * itself (or by a scheduled stop), a launch whose outcome is unknown, or a call about the task that
 * started failing. Not the user's own Stop (they just did it), and only on the change, never for a
 * task first seen already in that state (a page opened later).
 */
export function noticeForTask(before: LiveTask | undefined, after: LiveTask): TaskNotice | null {
  if (!before) return null;
  const base = { label: after.label, room: after.roomId || '—' };
  if (after.status === 'ended' && before.status !== 'ended') {
    if (after.endReason === 'not-exist') return { ...base, kind: 'ended', key: `ended:${after.id}` };
    if (after.endReason === 'scheduled') return { ...base, kind: 'scheduled', key: `ended:${after.id}` };
    return null;
  }
  if (after.status === 'unknown' && before.status !== 'unknown') return { ...base, kind: 'unknown', key: `unknown:${after.id}` };
  if (after.lastError && !before.lastError && after.status !== 'ended') {
    return { ...base, kind: 'problem', key: `problem:${after.id}:${after.lastError.at}`, code: after.lastError.code };
  }
  return null;
}
