import type { Cancel, Scheduler } from './scheduler';

/**
 * `user`: something the producer just asked for (a click). `background`: polls, reconciliation,
 * batch items. Background work never takes the last tokens of a window, so a click is not queued
 * behind a batch.
 */
export type Lane = 'user' | 'background';

export interface RateLimiterOptions {
  scheduler: Scheduler;
  /** Calls allowed per window and key. TRTC allows 20 per second per action; 19 leaves a margin. */
  perWindow?: number;
  /** The window: the API's second, plus a little for timer granularity. */
  windowMs?: number;
  /** Tokens of each window only the user lane may take. */
  reservedForUser?: number;
}

/**
 * 19 of the API's 20 leave one a second for another tool on the same SecretId (an occasional tccli
 * call; a script hammering the same action beside a batch would meet the limit anyway). Two tokens
 * reserved for clicks are enough for a producer's hands; more would only slow a batch (17 Starts a
 * window: 100 launches in about 5.3 s; with 16 it took 6.5 s, a seventh window).
 */
export const rateLimitDefaults = { perWindow: 19, windowMs: 1050, reservedForUser: 2 } as const;

/** Hands the token back once the call has its answer (or failed); calling it twice is harmless. */
export type Release = () => void;

interface Waiter {
  resolve: (release: Release) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** A token in use: from its grant until `windowMs` after its call settled (null while in flight). */
interface Slot {
  settledAt: number | null;
}

interface Bucket {
  slots: Slot[];
  user: Waiter[];
  background: Waiter[];
  wake?: Cancel;
}

/**
 * One limiter per (profile, action) that keeps the API's 20 requests per second as the server counts
 * them, by arrival, whatever the network does. A token is held from its grant until `windowMs` after
 * the call settled: a request arrives between those two moments, so if 21 arrived within one second
 * the last one granted would have seen the 20 others still holding their tokens, and waited.
 * At most `perWindow` tokens are out at once. Waiters are served user lane first, then background,
 * each in arrival order.
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

  /** Resolves when a call of `action` for `profileId` may be sent now; call the release once it settled. */
  acquire(profileId: string, action: string, lane: Lane, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const key = `${profileId}\n${action}`;
    const bucket = this.#bucket(key);
    return new Promise<Release>((resolve, reject) => {
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
      bucket = { slots: [], user: [], background: [] };
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
    bucket.slots = bucket.slots.filter((slot) => slot.settledAt === null || now - slot.settledAt < this.#windowMs);

    for (;;) {
      const used = bucket.slots.length;
      let next: Waiter | undefined;
      if (bucket.user.length > 0 && used < this.#perWindow) next = bucket.user.shift();
      else if (bucket.user.length === 0 && bucket.background.length > 0 && used < this.#backgroundLimit) next = bucket.background.shift();
      if (!next) break;
      const slot: Slot = { settledAt: null };
      bucket.slots.push(slot);
      if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
      next.resolve(() => {
        if (slot.settledAt !== null) return;
        slot.settledAt = this.#scheduler.now();
        this.#pump(key);
      });
    }

    const settled = bucket.slots.filter((slot) => slot.settledAt !== null).map((slot) => slot.settledAt as number);
    if (bucket.user.length + bucket.background.length > 0 && settled.length > 0) {
      // Nothing more fits now: wake when the first settled token leaves the window (a release wakes it too).
      // A caller is waiting for this timer: it keeps the process alive, or a start-up that only
      // waits for tokens would see Node exit under it.
      bucket.wake = this.#scheduler.schedule(
        Math.min(...settled) + this.#windowMs - now,
        () => {
          bucket.wake = undefined;
          this.#pump(key);
        },
        { keepAlive: true },
      );
    } else if (bucket.slots.length === 0 && bucket.user.length + bucket.background.length === 0) {
      this.#buckets.delete(key);
    }
  }
}
