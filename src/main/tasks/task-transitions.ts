import { AppError, detailsOf } from '../../shared/contract';
import type { EndReason, LiveTask } from '../../shared/contract/tasks';

/** The task once it is known to be gone; an open pause is closed at the same moment. */
export function ended(task: LiveTask, reason: EndReason, at: number): LiveTask {
  if (task.status === 'ended') return task;
  const { scheduledStopAt: _dropped, ...rest } = task;
  return {
    ...rest,
    scheduledStopAt: null,
    status: 'ended',
    endReason: reason,
    endedAt: at,
    ...closePause(task, at),
  };
}

export function paused(task: LiveTask, at: number): LiveTask {
  return task.paused ? task : { ...task, paused: true, pausedSince: at };
}

export function resumed(task: LiveTask, at: number): LiveTask {
  return task.paused ? { ...task, ...closePause(task, at) } : task;
}

function closePause(task: LiveTask, at: number): Pick<LiveTask, 'paused' | 'pausedSince' | 'pausedTotalMs'> {
  const open = task.paused && task.pausedSince !== null ? Math.max(0, at - task.pausedSince) : 0;
  return { paused: false, pausedSince: null, pausedTotalMs: task.pausedTotalMs + open };
}

export function withProblem(task: LiveTask, error: unknown, at: number): LiveTask {
  return { ...task, lastError: problemOf(error, at) };
}

export function problemOf(error: unknown, at: number): NonNullable<LiveTask['lastError']> {
  if (error instanceof AppError) {
    const trtcCode = detailsOf(error, 'TRTC_API_ERROR')?.trtcCode;
    return { code: trtcCode ?? error.code, message: error.message.slice(0, 2000), at };
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message.slice(0, 2000) : 'Unexpected failure', at };
}

/** A task the app can still ask the API about. */
export function isTracked(task: LiveTask): task is LiveTask & { taskId: string } {
  return task.status === 'running' && typeof task.taskId === 'string' && task.taskId !== '';
}
