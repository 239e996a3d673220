import { plannedTimes } from '../../shared/shows/planned-times';
import type { StoredShow } from '../../shared/shows/show-schema';
import type { ShowScheduler as Scheduler } from './shows-ports';

type Cancel = () => void;

/**
 * Runs each show's pre-flight by itself `preflightLeadMinutes` before its first timed cue (once per
 * revision). Re-planned whenever the shows change; a show whose moment has passed is left alone.
 */
export class AutoPreflight {
  readonly #scheduler: Scheduler;
  readonly #run: (show: StoredShow) => Promise<unknown>;
  readonly #timers = new Map<string, { revision: number; cancel: Cancel }>();

  constructor(scheduler: Scheduler, run: (show: StoredShow) => Promise<unknown>) {
    this.#scheduler = scheduler;
    this.#run = run;
  }

  plan(shows: StoredShow[]): void {
    const ids = new Set(shows.map((show) => show.id));
    for (const [id, timer] of this.#timers) {
      if (!ids.has(id)) {
        timer.cancel();
        this.#timers.delete(id);
      }
    }
    for (const show of shows) {
      if (this.#timers.get(show.id)?.revision === show.revision) continue;
      this.#timers.get(show.id)?.cancel();
      this.#timers.delete(show.id);
      const at = firstTimedCue(show);
      if (at === null || show.preflightLeadMinutes === 0) continue;
      const delay = at - show.preflightLeadMinutes * 60_000 - this.#scheduler.now();
      if (at <= this.#scheduler.now()) continue;
      const cancel = this.#scheduler.schedule(Math.max(0, delay), () => void this.#run(show).catch(() => undefined));
      this.#timers.set(show.id, { revision: show.revision, cancel });
    }
  }

  close(): void {
    for (const timer of this.#timers.values()) timer.cancel();
    this.#timers.clear();
  }
}

export function firstTimedCue(show: StoredShow): number | null {
  const times = plannedTimes(show).filter((time): time is number => time !== null);
  return times.length === 0 ? null : Math.min(...times);
}
