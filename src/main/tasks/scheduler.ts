import type { Clock } from '../app/clock';
import { outsideCalls } from '../rpc/current-call';

/** Cancels a scheduled callback; calling it twice is harmless. */
export type Cancel = () => void;

/**
 * Time and timers as the task engine sees them. The engine never calls setTimeout directly, so tests
 * drive it with a fake scheduler and no real waiting.
 */
export interface Scheduler extends Clock {
  /**
   * Runs `run` once, `delayMs` from now (0 or less: as soon as possible). Timers do not keep the
   * process alive (a scheduled stop days away must not hold a test or a closing app open) unless
   * `keepAlive` says the timer stands for work already owed, such as a call waiting for its token.
   */
  schedule(delayMs: number, run: () => void, options?: { keepAlive?: boolean }): Cancel;
}

export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  schedule(delayMs, run, options) {
    // Node caps timers at 2^31-1 ms (about 24.8 days); a longer wait is re-armed in steps.
    const maxDelay = 2_147_483_647;
    let timer: NodeJS.Timeout;
    const arm = (left: number) => {
      // Background work: a poll or a scheduled stop armed while a page call ran is not that call's.
      timer = setTimeout(() => (left > maxDelay ? arm(left - maxDelay) : outsideCalls(run)), Math.max(0, Math.min(left, maxDelay)));
      if (!options?.keepAlive) timer.unref?.();
    };
    arm(delayMs);
    return () => clearTimeout(timer);
  },
};

/** Waits `delayMs` on the scheduler; rejects with the signal's reason when aborted first. */
export function delay(scheduler: Scheduler, delayMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = scheduler.schedule(delayMs, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
