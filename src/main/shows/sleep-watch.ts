import type { ShowScheduler as Scheduler } from './shows-ports';

type Cancel = () => void;

/**
 * Notices a sleep or a clock jump: a timer set for `tickMs` that comes back with more than `gapMs`
 * gone by (or time gone backwards) means the event loop was frozen or the wall clock moved.
 */
export function watchForGaps(scheduler: Scheduler, onGap: (gapMs: number) => void, tickMs = 1000, gapMs = 5000): Cancel {
  let cancel: Cancel = () => undefined;
  let stopped = false;
  const arm = (from: number) => {
    cancel = scheduler.schedule(tickMs, () => {
      if (stopped) return;
      const now = scheduler.now();
      const gap = now - from - tickMs;
      if (gap > gapMs || now < from) onGap(gap);
      arm(now);
    });
  };
  arm(scheduler.now());
  return () => {
    stopped = true;
    cancel();
  };
}
