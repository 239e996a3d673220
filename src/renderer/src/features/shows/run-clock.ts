import type { CueRun, RunClock, ShowRun } from '../../../../shared/shows/run-state';

/** Show time at a real instant: it runs `speed` times faster than the wall clock while running, and stands still on hold. */
export function showTimeAt(clock: RunClock, realNow: number): number {
  return clock.running ? clock.showBase + (realNow - clock.realBase) * clock.speed : clock.showBase;
}

/** The cue Go would fire or the clock will fire next: main's `nextCueId`, with its run entry. */
export function nextCueOf(run: ShowRun): CueRun | null {
  return run.nextCueId ? (run.cues.find((cue) => cue.cueId === run.nextCueId) ?? null) : null;
}

/** Show-time ms until a due time; null when the cue has none (it waits for Go or its previous cue). Never negative. */
export function countdownMs(due: number | null, showNow: number): number | null {
  return due === null ? null : Math.max(0, due - showNow);
}

/** Cues the producer must decide about: missed while the app was down or asleep, or held after a failed or unknown launch. */
export function decisionsOf(run: ShowRun): { missed: CueRun[]; held: CueRun[] } {
  return { missed: run.cues.filter((cue) => cue.state === 'missed'), held: run.cues.filter((cue) => cue.state === 'held') };
}

/** Cues that may still fire: Jump and Skip are offered on these. */
export function isPending(cue: CueRun): boolean {
  return cue.state === 'waiting' || cue.state === 'standby';
}
