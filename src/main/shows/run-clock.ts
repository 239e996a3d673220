import type { RunClock } from '../../shared/shows/run-state';

/** Show time now: it runs at `speed` × real time while the clock runs, and stands still while held or not yet started. */
export function showNow(clock: RunClock, realNow: number): number {
  return clock.running ? clock.showBase + (realNow - clock.realBase) * clock.speed : clock.showBase;
}

/** The clock stopped at the show time it shows now. */
export function stopped(clock: RunClock, realNow: number): RunClock {
  return { ...clock, showBase: showNow(clock, realNow), realBase: realNow, running: false };
}

/** The clock running again from where it stood. */
export function started(clock: RunClock, realNow: number): RunClock {
  return { ...clock, showBase: showNow(clock, realNow), realBase: realNow, running: true };
}

/** Real ms until show time `at` (0 if it has come; Infinity while the clock stands). */
export function realDelayUntil(clock: RunClock, realNow: number, at: number): number {
  if (!clock.running) return Number.POSITIVE_INFINITY;
  return Math.max(0, (at - showNow(clock, realNow)) / clock.speed);
}
