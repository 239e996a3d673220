import type { Cancel, Scheduler } from './scheduler';

/**
 * `user`: something the producer just asked for (a click). `background`: polls, reconciliation,
 * batch items. Background work never takes the last tokens of a window, so a click is not queued
 * behind a batch.
 */
export type Lane = 'user' | 'background';

export interface RateLimiterOptions {
  scheduler: Scheduler;
  /** Calls allowed per window and key. TRTC allows 20 per second per action; 18 leaves a margin. */
  perWindow?: number;
  /**
   * The window, a little longer than the API's second: the server counts arrivals, not sends, and a
   * request can arrive up to this much later than the previous one in the same window.
   */
  windowMs?: number;
  /** Tokens of each window only the user lane may take. */
  reservedForUser?: number;
}

export const rateLimitDefaults = { perWindow: 18, windowMs: 1100, reservedForUser: 4 } as const;

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Bucket {
  /** Grant times inside the current window, oldest first. */
  granted: number[];
  user: Waiter[];
  background: Waiter[];
  wake?: Cancel;
}

/**
 * One sliding-window limiter per (profile, action): never more than `perWindow` grants in any
 * `windowMs`, so a burst can never exceed the API's 20 per second whatever the order of arrival.
 * Waiters are served user lane first, then background, each in arrival order.
 */
export class RateLimiter {
  readonly #scheduler: Scheduler;
  readonly #perWindow: number;
  readonly #windowMs: number;
  readonly #backgroundLimit: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimiterOptions) {
    this.#scheduler = options.scheduler;
    this.#perWindow = options.perWindow ?? rateLimitDefaults.perWindow;
    this.#windowMs = options.windowMs ?? rateLimitDefaults.windowMs;
    this.#backgroundLimit = Math.max(1, this.#perWindow - (options.reservedForUser ?? rateLimitDefaults.reservedForUser));
  }

  /** Resolves when a call of `action` for `profileId` may be sent now. */
  acquire(profileId: string, action: string, lane: Lane, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const key = `${profileId}\n${action}`;
    const bucket = this.#bucket(key);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      const queue = lane === 'user' ? bucket.user : bucket.background;
      if (signal) {
        waiter.onAbort = () => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(signal.reason);
          this.#pump(key);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      queue.push(waiter);
      this.#pump(key);
    });
  }

  /** Calls waiting for a token (for tests and diagnostics). */
  waiting(profileId: string, action: string): number {
    const bucket = this.#buckets.get(`${profileId}\n${action}`);
    return bucket ? bucket.user.length + bucket.background.length : 0;
  }

  #bucket(key: string): Bucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { granted: [], user: [], background: [] };
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }

  #pump(key: string): void {
    const bucket = this.#buckets.get(key);
    if (!bucket) return;
    bucket.wake?.();
    bucket.wake = undefined;
    const now = this.#scheduler.now();
    while (bucket.granted.length > 0 && now - (bucket.granted[0] as number) >= this.#windowMs) bucket.granted.shift();

    for (;;) {
      const used = bucket.granted.length;
      let next: Waiter | undefined;
      if (bucket.user.length > 0 && used < this.#perWindow) next = bucket.user.shift();
      else if (bucket.user.length === 0 && bucket.background.length > 0 && used < this.#backgroundLimit) next = bucket.background.shift();
      if (!next) break;
      bucket.granted.push(now);
      if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
      next.resolve();
    }

    if (bucket.user.length + bucket.background.length > 0) {
      // Nothing more fits now: wake when the oldest grant leaves the window.
      const oldest = bucket.granted[0] ?? now;
      bucket.wake = this.#scheduler.schedule(oldest + this.#windowMs - now, () => {
        bucket.wake = undefined;
        this.#pump(key);
      });
    } else if (bucket.granted.length === 0) {
      this.#buckets.delete(key);
    }
  }
}
