import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import type { LiveTask } from '../../shared/contract/tasks';
import { limitedClients } from './ingest-client';
import { RateLimiter } from './rate-limiter';
import { TaskMonitor } from './task-monitor';
import { memoryStore, runningTask } from './test-support/board';
import { apiError, FakeIngest } from './test-support/fake-ingest';
import { FakeScheduler } from './test-support/fake-scheduler';

async function setUp(tasks: LiveTask[]) {
  const scheduler = new FakeScheduler();
  const ingest = new FakeIngest(scheduler);
  const board = memoryStore();
  for (const task of tasks) {
    await board.store.put(task);
    if (task.taskId) ingest.run(task.sdkAppId, task.taskId);
  }
  const ended: string[] = [];
  const monitor = new TaskMonitor({
    store: board.store,
    clients: limitedClients(ingest, new RateLimiter({ scheduler })),
    scheduler,
    random: () => 0.5,
    onEnded: (task) => ended.push(task.id),
  });
  return { scheduler, ingest, ...board, monitor, ended };
}

describe('TaskMonitor', () => {
  it('describes every running task every 5 to 10 seconds, as polls in the background', async () => {
    const { scheduler, ingest, monitor } = await setUp([runningTask(), runningTask(), runningTask()]);
    monitor.start();
    await scheduler.advance(60_000);
    const polls = ingest.callsOf('DescribeStreamIngest');
    expect(polls.every((call) => call.purpose === 'poll')).toBe(true);
    // 3 tasks, first poll at 5 s then every 7.5 s: 8 polls each in a minute.
    expect(polls).toHaveLength(24);
    const taskIdOf = (call: (typeof polls)[number] | undefined) => (call?.request as { TaskId?: string } | undefined)?.TaskId;
    const gaps = polls.filter((call) => taskIdOf(call) === taskIdOf(polls[0]));
    for (let index = 1; index < gaps.length; index++) {
      const gap = (gaps[index]?.at ?? 0) - (gaps[index - 1]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(5_000);
      expect(gap).toBeLessThanOrEqual(10_000);
    }
  });

  it('spreads the polls of many tasks instead of sending them together', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const board = memoryStore();
    for (let index = 0; index < 40; index++) {
      const task = runningTask();
      await board.store.put(task);
      ingest.run(task.sdkAppId, task.taskId as string);
    }
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const monitor = new TaskMonitor({ store: board.store, clients: ingest, scheduler, random });
    monitor.start();
    await scheduler.advance(30_000);
    const perSecond = new Map<number, number>();
    for (const call of ingest.calls) perSecond.set(Math.floor(call.at / 1000), (perSecond.get(Math.floor(call.at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(14);
  });

  it('marks a task that answers NotExist as ended ("ended or stopped") and stops polling it', async () => {
    const first = runningTask({ paused: true, pausedSince: Date.UTC(2026, 10, 27, 11, 30, 0) });
    const { scheduler, ingest, store, monitor, ended, events } = await setUp([first, runningTask()]);
    monitor.start();
    await scheduler.advance(6_000);
    ingest.end(first.taskId as string);
    await scheduler.advance(10_000);
    const after = store.get(first.id);
    expect(after.status).toBe('ended');
    expect(after.endReason).toBe('not-exist');
    expect(after.endedAt).toBe(scheduler.now() - 3_500);
    // The open pause is closed when it ends.
    expect(after.paused).toBe(false);
    expect(after.pausedTotalMs).toBe((after.endedAt as number) - Date.UTC(2026, 10, 27, 11, 30, 0));
    expect(ended).toEqual([first.id]);
    expect(monitor.watching()).not.toContain(first.id);
    const pollsOfEnded = () =>
      ingest.callsOf('DescribeStreamIngest').filter((call) => (call.request as { TaskId: string }).TaskId === first.taskId).length;
    const before = pollsOfEnded();
    await scheduler.advance(120_000);
    expect(pollsOfEnded()).toBe(before);
    expect(events.emitted.some((event) => event.event === 'tasks.changed' && (event.payload as LiveTask).status === 'ended')).toBe(true);
  });

  it('backs off a failing task, records the error, and recovers', async () => {
    const task = runningTask();
    const { scheduler, ingest, store, monitor } = await setUp([task]);
    for (let index = 0; index < 4; index++)
      ingest.failNext('DescribeStreamIngest', new AppError('NETWORK_ERROR', 'reset', { action: 'DescribeStreamIngest', notSent: false }));
    monitor.start();
    await scheduler.advance(5_000);
    expect(store.get(task.id).lastError?.code).toBe('NETWORK_ERROR');
    const times: number[] = [];
    await scheduler.advance(200_000);
    for (const call of ingest.callsOf('DescribeStreamIngest')) times.push(call.at);
    const gaps = times.slice(1, 5).map((at, index) => at - (times[index] as number));
    // Equal jitter at 0.5: 3/4 of 10 s, 20 s, 40 s, 60 s (capped).
    expect(gaps).toEqual([7_500, 15_000, 30_000, 45_000]);
    expect(store.get(task.id).lastError).toBeNull();
    expect(store.get(task.id).status).toBe('running');
  });

  it('keeps polling through auth errors (they may be fixed) without ending the task', async () => {
    const task = runningTask();
    const { scheduler, ingest, store, monitor } = await setUp([task]);
    ingest.failNext('DescribeStreamIngest', apiError('AuthFailure.SecretIdNotFound'));
    monitor.start();
    await scheduler.advance(5_000);
    expect(store.get(task.id)).toMatchObject({ status: 'running', lastError: { code: 'AuthFailure.SecretIdNotFound' } });
  });

  it('does not rewrite the board for an unchanged InProgress, yet says when the status was last confirmed', async () => {
    const { scheduler, records, monitor, store, ingest } = await setUp([runningTask()]);
    monitor.start();
    await scheduler.advance(5_000);
    const writes = records.writes;
    await scheduler.advance(60_000);
    expect(records.writes).toBe(writes);
    const polls = ingest.callsOf('DescribeStreamIngest');
    const [task] = store.list();
    expect(task?.lastCheckedAt).toBe(polls[polls.length - 1]?.at);
    expect(task?.lastCheckedAt).toBeGreaterThan(scheduler.now() - 10_000);
  });

  it('does not poll tasks without a TaskId or already ended', async () => {
    const { scheduler, ingest, monitor } = await setUp([
      runningTask({ status: 'unknown', taskId: undefined }),
      runningTask({ status: 'ended', endReason: 'stopped', endedAt: 1 }),
    ]);
    monitor.start();
    await scheduler.advance(60_000);
    expect(ingest.calls).toHaveLength(0);
  });
});
