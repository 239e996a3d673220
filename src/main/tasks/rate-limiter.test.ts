import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Lane, RateLimiter } from './rate-limiter';
import { FakeScheduler } from './test-support/fake-scheduler';

/** The most events that fall inside any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** A call that takes a token, is answered `latencyMs` later, and hands the token back. */
function call(scheduler: FakeScheduler, limiter: RateLimiter, lane: Lane, latencyMs: number, onGrant: (at: number) => void) {
  return limiter.acquire('p1', 'StartStreamIngest', lane).then((release) => {
    onGrant(scheduler.now());
    scheduler.schedule(latencyMs, release);
  });
}

describe('RateLimiter', () => {
  it('never has more than 19 calls of one profile and action in any second, and serves all of them', async () => {
    const scheduler = new FakeScheduler();
    const limiter = new RateLimiter({ scheduler });
    const granted: number[] = [];
    const all = Array.from({ length: 100 }, () => call(scheduler, limiter, 'background', 30, (at) => granted.push(at)));
    await scheduler.runUntilIdle();
    await Promise.all(all);
    expect(granted).toHaveLength(100);
    expect(busiestWindow(granted, 1000)).toBeLessThanOrEqual(19);
    // Background work keeps 2 tokens of each window for the user.
    expect(busiestWindow(granted, 1050)).toBeLessThanOrEqual(17);
  });

  it('holds a token while its call is in flight: a slow answer delays the next window', async () => {
    const scheduler = new FakeScheduler();
    const limiter = new RateLimiter({ scheduler, perWindow: 2, reservedForUser: 0, windowMs: 1000 });
    const granted: number[] = [];
    for (let index = 0; index < 3; index++) void call(scheduler, limiter, 'user', 3000, (at) => granted.push(at));
    await scheduler.advance(0);
    expect(granted).toEqual([scheduler.now(), scheduler.now()]);
    const start = scheduler.now();
    await scheduler.runUntilIdle();
    // Answered at 3 s, counted until 4 s.
    expect(granted[2]).toBe(start + 4000);
  });

  it('keeps each profile and each action on its own budget', async () => {
    const scheduler = new FakeScheduler();
    const limiter = new RateLimiter({ scheduler });
    let done = 0;
    for (const key of [
      ['p1', 'DescribeStreamIngest'],
      ['p2', 'DescribeStreamIngest'],
      ['p1', 'StopStreamIngest'],
    ] as const) {
      for (let index = 0; index < 14; index++) void limiter.acquire(key[0], key[1], 'background').then(() => done++);
    }
    await scheduler.advance(0);
    expect(done).toBe(42);
  });

  it('lets a click through at once while a batch is queued', async () => {
    const scheduler = new FakeScheduler();
    const limiter = new RateLimiter({ scheduler });
    for (let index = 0; index < 60; index++) void limiter.acquire('p1', 'StartStreamIngest', 'background');
    await scheduler.advance(0);
    expect(limiter.waiting('p1', 'StartStreamIngest')).toBe(43);
    let clicked = false;
    void limiter.acquire('p1', 'StartStreamIngest', 'user').then(() => {
      clicked = true;
    });
    await scheduler.advance(0);
    expect(clicked).toBe(true);
  });

  it('serves the user lane before queued background calls when the window frees up', async () => {
    const scheduler = new FakeScheduler();
    const limiter = new RateLimiter({ scheduler, perWindow: 2, reservedForUser: 0, windowMs: 1000 });
    const order: string[] = [];
    const take = (name: string, lane: Lane) =>
      limiter.acquire('p', 'a', lane).then((release) => {
        order.push(name);
        release();
      });
    void take('b1', 'background');
    void take('b2', 'background');
    void take('b3', 'background');
    void take('b4', 'background');
    await scheduler.advance(0);
    void take('u1', 'user');
    await scheduler.advance(999);
    expect(order).toEqual(['b1', 'b2']);
    await scheduler.advance(1);
    expect(order).toEqual(['b1', 'b2', 'u1', 'b3']);
  });

  it('drops a cancelled waiter and rejects it with the abort reason', async () => {
    const scheduler = new FakeScheduler();
    const limiter = new RateLimiter({ scheduler, perWindow: 1, reservedForUser: 0 });
    await limiter.acquire('p', 'a', 'user');
    const controller = new AbortController();
    const waiting = limiter.acquire('p', 'a', 'background', controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(limiter.waiting('p', 'a')).toBe(0);
  });

  it('keeps arrivals at the server under the limit whatever the latencies (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            at: fc.integer({ min: 0, max: 3000 }),
            user: fc.boolean(),
            latency: fc.integer({ min: 0, max: 1500 }),
            // Where between sending and the answer the request reaches the server.
            arrival: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 80 },
        ),
        async (calls) => {
          const scheduler = new FakeScheduler();
          const limiter = new RateLimiter({ scheduler });
          const arrivals: number[] = [];
          for (const planned of calls) {
            scheduler.schedule(planned.at, () => {
              void call(scheduler, limiter, planned.user ? 'user' : 'background', planned.latency, (at) =>
                arrivals.push(at + planned.arrival * planned.latency),
              );
            });
          }
          await scheduler.runUntilIdle();
          expect(arrivals).toHaveLength(calls.length);
          // The API allows 20 in any second; the limiter keeps to 19.
          expect(busiestWindow(arrivals, 1000)).toBeLessThanOrEqual(19);
        },
      ),
      { numRuns: 80 },
    );
  });
});
