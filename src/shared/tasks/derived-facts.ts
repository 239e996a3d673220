import type { LiveTask } from '../contract/tasks';

/** The real service destroys a task paused for more than 12 hours. */
export const maxPauseMs = 12 * 60 * 60 * 1000;

export interface DerivedFacts {
  /** Wall time since the start (or the adoption), paused time included. */
  elapsedMs: number;
  /** Time spent paused, the current pause included. */
  pausedMs: number;
  /**
   * When it should end by itself (epoch ms), or null when it cannot be known: an endless loop, an
   * unknown media length, an adopted task. Assumes the current tempo held since the start and no more
   * pauses; while paused, it moves later as the pause lasts.
   */
  expectedEndAt: number | null;
  /** While paused: when the service will destroy the task. */
  destroyedIfStillPausedAt: number | null;
}

/**
 * What the board shows beyond InProgress / NotExist, computed from what was sent at launch and what
 * the app did since. Used by main (tests) and by the page (a ticking clock).
 */
export function derivedFacts(task: LiveTask, now: number): DerivedFacts {
  const end = task.status === 'ended' && task.endedAt !== undefined ? task.endedAt : now;
  const currentPause = task.paused && task.pausedSince !== null ? Math.max(0, end - task.pausedSince) : 0;
  const pausedMs = task.pausedTotalMs + currentPause;
  return {
    elapsedMs: Math.max(0, end - task.startedAt),
    pausedMs,
    expectedEndAt: task.status === 'ended' ? null : expectedEnd(task, pausedMs),
    destroyedIfStillPausedAt: task.paused && task.pausedSince !== null ? task.pausedSince + maxPauseMs : null,
  };
}

function expectedEnd(task: LiveTask, pausedMs: number): number | null {
  if (task.origin === 'adopted' || task.repeatNum === null) return null;
  // Pausing stops both the media and MaxDuration.
  if (task.repeatNum === -1) {
    return task.maxDurationMinutes === null ? null : task.startedAt + pausedMs + task.maxDurationMinutes * 60_000;
  }
  if (task.mediaSeconds === null) return null;
  const tempo = task.tempo ?? 1;
  return task.startedAt + pausedMs + Math.round((task.mediaSeconds * task.repeatNum * 1000) / tempo);
}
