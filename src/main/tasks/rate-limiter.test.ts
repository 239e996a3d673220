import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeScheduler } from './fake-scheduler';
import { type Lane, RateLimiter } from './rate-limiter';

/** The most grants that fall inside any window of `windowMs`. */
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

describe('RateLimiter', () => {
  it('never grants more than 18 calls in any second for one profile and action, and serves all of them', async () => {
    const scheduler = new FakeScheduler();
    const limiter = new RateLimiter({ scheduler });
    const granted: number[] = [];
    const all = Array.from({ length: 100 }, () =>
      limiter.acquire('p1', 'StartStreamIngest', 'background').then(() => granted.push(scheduler.now())),
    );
    await scheduler.runUntilIdle();
    await Promise.all(all);
    expect(granted).toHaveLength(100);
    expect(busiestWindow(granted, 1000)).toBeLessThanOrEqual(18);
    // Background work keeps 4 tokens of each window for the user.
    expect(busiestWindow(granted, 1100)).toBeLessThanOrEqual(14);
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
    expect(limiter.waiting('p1', 'StartStreamIngest')).toBe(46);
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
    const take = (name: string, lane: Lane) => limiter.acquire('p', 'a', lane).then(() => order.push(name));
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

  it('holds the limit for any mix of lanes and arrival times (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 3000 }), user: fc.boolean() }), { minLength: 1, maxLength: 80 }),
        async (calls) => {
          const scheduler = new FakeScheduler();
          const limiter = new RateLimiter({ scheduler });
          const granted: number[] = [];
          for (const call of calls) {
            scheduler.schedule(call.at, () => {
              void limiter.acquire('p', 'a', call.user ? 'user' : 'background').then(() => granted.push(scheduler.now()));
            });
          }
          await scheduler.runUntilIdle();
          expect(granted).toHaveLength(calls.length);
          expect(busiestWindow(granted, 1100)).toBeLessThanOrEqual(18);
        },
      ),
      { numRuns: 60 },
    );
  });
});
