import type { Cancel, Scheduler } from '../scheduler';

interface Timer {
  at: number;
  seq: number;
  run: () => void;
}

/**
 * A scheduler for tests: time moves only when the test says so. `advance` fires every due timer in
 * time order and lets the promise chains each one starts settle before looking for the next.
 */
export class FakeScheduler implements Scheduler {
  #now: number;
  #seq = 0;
  readonly #timers = new Set<Timer>();

  constructor(start = Date.UTC(2026, 10, 27, 12, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  schedule(delayMs: number, run: () => void): Cancel {
    const timer: Timer = { at: this.#now + Math.max(0, delayMs), seq: this.#seq++, run };
    this.#timers.add(timer);
    return () => this.#timers.delete(timer);
  }

  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time forward by `ms`, firing due timers (and the work they start) on the way. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await settle();
    for (;;) {
      const next = this.#next();
      if (!next || next.at > target) break;
      this.#timers.delete(next);
      this.#now = Math.max(this.#now, next.at);
      next.run();
      await settle();
    }
    this.#now = target;
    await settle();
  }

  /** Fires timers until none is left or `limitMs` of fake time has passed. */
  async runUntilIdle(limitMs = 24 * 60 * 60 * 1000): Promise<void> {
    const stopAt = this.#now + limitMs;
    await settle();
    for (;;) {
      const next = this.#next();
      if (!next || next.at > stopAt) return;
      this.#timers.delete(next);
      this.#now = Math.max(this.#now, next.at);
      next.run();
      await settle();
    }
  }

  #next(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.#timers) if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    return best;
  }
}

/** Lets pending promise callbacks (and one round of I/O callbacks) run. */
export async function settle(rounds = 5): Promise<void> {
  for (let index = 0; index < rounds; index++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Lets real I/O (a file write) finish: yields to the event loop until `condition` holds, or fails. */
export async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  for (let round = 0; round < 5_000; round++) {
    if (condition()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
