import { describe, expect, it, vi } from 'vitest';
import { RateLimiter } from './rate-limiter';
import { systemScheduler } from './scheduler';
import { runningTask } from './test-support/board';
import { boardService } from './test-support/board-service';

async function serviceWithTasks(count: number) {
  const setUp = boardService();
  for (let index = 0; index < count; index++) {
    const task = await setUp.store.put(runningTask({ lastCheckedAt: null }));
    setUp.ingest.run(task.sdkAppId, task.taskId as string);
  }
  return setUp;
}

describe('start-up check', () => {
  it('start() returns with every task on the board before any Describe is answered', async () => {
    const { ingest, service, store } = await serviceWithTasks(200);
    await service.start();
    expect(store.list()).toHaveLength(200);
    // The limiter lets one window of background calls out; nothing waited for them.
    expect(ingest.callsOf('DescribeStreamIngest').length).toBeLessThanOrEqual(17);
    expect(service.startupCheck()).toMatchObject({ state: 'checking', total: 200 });
    expect(service.startupCheck().pending.length).toBeGreaterThanOrEqual(200 - 17);
    service.close();
  });

  it('describes 200 tasks within the rate budget, tells the page how far it is, then starts polling', async () => {
    const { scheduler, ingest, service, store, events } = await serviceWithTasks(200);
    const startedAt = scheduler.now();
    await service.start();
    while (service.startupCheck().state === 'checking') await scheduler.advance(100);
    const report = await service.whenChecked();
    expect(report).toMatchObject({ checked: 200, running: 200, unanswered: 0 });
    const describes = ingest.callsOf('DescribeStreamIngest').filter((call) => call.purpose === 'reconcile');
    expect(describes).toHaveLength(200);
    // No second ever saw more than the API's 20 Describes (sliding window, as the server counts).
    const times = describes.map((call) => call.at - startedAt);
    for (const at of times) expect(times.filter((other) => other >= at && other < at + 1000).length).toBeLessThanOrEqual(20);
    // One window left to the last run, then 17 background tokens a window of 1.05 s: 200 answers in 12 windows.
    expect(Math.min(...times)).toBeGreaterThanOrEqual(1050);
    expect(Math.max(...times)).toBeLessThan(14 * 1050);
    const progress = events.emitted.filter((event) => event.event === 'tasks.startupCheck').map((event) => event.payload);
    expect(progress[0]).toMatchObject({ state: 'checking', checked: 0, total: 200 });
    expect(progress.at(-1)).toEqual({ state: 'done', total: 200, checked: 200, pending: [] });
    // Throttled: not one event per answer.
    expect(progress.length).toBeLessThanOrEqual(16);
    expect(store.list().every((task) => task.lastCheckedAt !== null)).toBe(true);
    expect(service.monitor.watching()).toHaveLength(200);
    service.close();
  });

  it('a click during the check is not queued behind it', async () => {
    const { scheduler, ingest, service, store } = await serviceWithTasks(200);
    const startedAt = scheduler.now();
    await service.start();
    const [first] = store.list();
    const refreshed = service.refresh(first?.id as string);
    await scheduler.advance(0);
    await refreshed;
    const refresh = ingest.callsOf('DescribeStreamIngest').find((call) => call.purpose === 'refresh');
    expect(refresh?.at).toBe(startedAt);
    service.close();
  });

  it('closing during the check sends nothing more', async () => {
    const { scheduler, ingest, service } = await serviceWithTasks(200);
    await service.start();
    await scheduler.advance(0);
    // The first window is left to what the last run may have sent just before it stopped.
    expect(ingest.calls).toEqual([]);
    await scheduler.advance(1050);
    const sent = ingest.calls.length;
    expect(sent).toBe(17);
    service.close();
    await scheduler.advance(20_000);
    await service.whenChecked();
    expect(ingest.calls.length).toBe(sent);
    expect(service.monitor.watching()).toEqual([]);
  });
});

describe('the rate limiter and the process', () => {
  it('a call waiting for its token holds the process open (its wake timer is ref-ed)', async () => {
    const created: NodeJS.Timeout[] = [];
    const realSetTimeout = globalThis.setTimeout;
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((run: () => void, ms?: number) => {
      const timer = realSetTimeout(run, ms);
      created.push(timer);
      return timer;
    }) as typeof setTimeout);
    try {
      const limiter = new RateLimiter({ scheduler: systemScheduler, perWindow: 1, windowMs: 50 });
      const release = await limiter.acquire('p1', 'DescribeStreamIngest', 'background');
      release();
      const waiting = limiter.acquire('p1', 'DescribeStreamIngest', 'background');
      expect(created.length).toBeGreaterThan(0);
      expect(created.at(-1)?.hasRef()).toBe(true);
      (await waiting)();
    } finally {
      spy.mockRestore();
    }
  });

  it('other timers still do not hold the process open', () => {
    const cancel = systemScheduler.schedule(60_000, () => undefined);
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const again = systemScheduler.schedule(60_000, () => undefined);
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    spy.mockRestore();
    cancel();
    again();
  });
});
