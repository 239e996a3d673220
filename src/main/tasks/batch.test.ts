import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import type { BatchItem, BatchView } from '../../shared/contract/tasks';
import { BatchRunner } from './batch';
import { limitClient } from './ingest-client';
import type { LaunchRecordView } from './launch-records';
import { RateLimiter } from './rate-limiter';
import { RecordedEvents } from './test-support/fake-ingest';
import { FakeScheduler } from './test-support/fake-scheduler';

function record(
  id: string,
  state: LaunchRecordView['state'],
  item: BatchItem,
): LaunchRecordView & { error?: { code: string; message: string } } {
  return {
    id,
    state,
    createdAt: '2026-11-27T12:00:00.000Z',
    updatedAt: '2026-11-27T12:00:00.000Z',
    presetName: item.presetId,
    sdkAppId: 1400000001,
    region: 'ap-singapore',
    roomIdType: 1,
    roomId: item.roomId ?? '1',
    streamUrl: 'https://media.example/a.mp4',
    profileId: 'p1',
    ...(state === 'started' ? { taskId: `task-${id}` } : {}),
    ...(state === 'failed' ? { error: { code: 'InvalidParameter.RoomId', message: 'bad room' } } : {}),
    launch: { repeatNum: 1, maxDuration: null, volume: 100, tempo: 1, enableProgress: false },
  };
}

/** A launcher whose Start goes through the shared limiter, as launches do when wired. */
function limitedLauncher(
  scheduler: FakeScheduler,
  limiter: RateLimiter,
  outcome: (item: BatchItem, index: number) => LaunchRecordView['state'],
) {
  const starts: { at: number; item: BatchItem }[] = [];
  let count = 0;
  const client = limitClient(
    {
      startStreamIngest: async (item: BatchItem, _purpose: string) => {
        starts.push({ at: scheduler.now(), item });
        return { taskId: 'x', requestId: 'r' };
      },
    },
    'p1',
    limiter,
  );
  const launch = async (item: BatchItem) => {
    const index = count++;
    const state = outcome(item, index);
    if (state === 'started') await client.startStreamIngest(item, 'launch');
    if (state === 'pending') throw new AppError('INVALID_INPUT', 'The request cannot be sent as it is.');
    return record(`r${index}`, state, item);
  };
  return { launch, starts };
}

const notLive = async () => false;

function lastView(events: RecordedEvents): BatchView {
  const views = events.emitted.filter((event) => event.event === 'tasks.batchProgress');
  return views[views.length - 1]?.payload as BatchView;
}

describe('BatchRunner', () => {
  it('launches one preset into 25 rooms in the background lane, never more than 17 Starts in a window', async () => {
    const scheduler = new FakeScheduler();
    const limiter = new RateLimiter({ scheduler });
    const events = new RecordedEvents();
    const { launch, starts } = limitedLauncher(scheduler, limiter, () => 'started');
    const batches = new BatchRunner({ launch, isLive: notLive, events, scheduler });
    const items = Array.from({ length: 25 }, (_, index) => ({ presetId: 'preset', roomId: String(1000 + index) }));
    const view = await batches.start(items);
    await scheduler.runUntilIdle();
    await batches.settled(view.id);
    expect(starts).toHaveLength(25);
    expect(new Set(starts.map((start) => start.item.roomId)).size).toBe(25);
    const firstWindow = starts.filter((start) => start.at - (starts[0]?.at ?? 0) < 1050);
    expect(firstWindow).toHaveLength(17);
    const final = lastView(events);
    expect(final.state).toBe('done');
    expect(final.items.every((item) => item.state === 'started' && item.taskId)).toBe(true);
    // Progress was reported item by item.
    expect(events.emitted.filter((event) => event.event === 'tasks.batchProgress').length).toBeGreaterThan(25);
  });

  it('leaves room for a click while a batch runs', async () => {
    const scheduler = new FakeScheduler();
    const limiter = new RateLimiter({ scheduler });
    const events = new RecordedEvents();
    const { launch } = limitedLauncher(scheduler, limiter, () => 'started');
    const batches = new BatchRunner({ launch, isLive: notLive, events, scheduler, concurrency: 20 });
    await batches.start(Array.from({ length: 40 }, () => ({ presetId: 'preset' })));
    await scheduler.advance(0);
    let clicked = false;
    void limiter.acquire('p1', 'StartStreamIngest', 'user').then(() => {
      clicked = true;
    });
    await scheduler.advance(0);
    expect(clicked).toBe(true);
  });

  it('gives each item its own result: started, failed with its code, unknown, or refused before sending', async () => {
    const scheduler = new FakeScheduler();
    const events = new RecordedEvents();
    const states: LaunchRecordView['state'][] = ['started', 'failed', 'unknown', 'pending'];
    const { launch } = limitedLauncher(scheduler, new RateLimiter({ scheduler }), (_item, index) => states[index] ?? 'started');
    const batches = new BatchRunner({ launch, isLive: notLive, events, scheduler, concurrency: 1 });
    const view = await batches.start(states.map((_, index) => ({ presetId: `p${index}` })));
    await scheduler.runUntilIdle();
    await batches.settled(view.id);
    expect(lastView(events).items.map((item) => [item.state, item.error?.code])).toEqual([
      ['started', undefined],
      ['failed', 'InvalidParameter.RoomId'],
      ['unknown', undefined],
      ['failed', 'INVALID_INPUT'],
    ]);
  });

  it('stops launching when cancelled; items already sent keep their result', async () => {
    const scheduler = new FakeScheduler();
    const events = new RecordedEvents();
    const limiter = new RateLimiter({ scheduler });
    const { launch, starts } = limitedLauncher(scheduler, limiter, () => 'started');
    const batches = new BatchRunner({ launch, isLive: notLive, events, scheduler, concurrency: 2 });
    const view = await batches.start(Array.from({ length: 30 }, () => ({ presetId: 'preset' })));
    await scheduler.advance(0);
    const cancelled = batches.cancel(view.id);
    expect(cancelled.state).toBe('cancelled');
    await scheduler.runUntilIdle();
    await batches.settled(view.id);
    const final = lastView(events);
    const started = final.items.filter((item) => item.state === 'started').length;
    expect(started).toBe(starts.length);
    expect(started).toBeLessThan(30);
    expect(final.items.filter((item) => item.state === 'cancelled').length).toBe(30 - started);
    expect(final.items.some((item) => item.state === 'queued' || item.state === 'launching')).toBe(false);
  });

  it("stops launching when the asking call's signal aborts (its window closed, the app is closing), and not after it is over", async () => {
    const scheduler = new FakeScheduler();
    const events = new RecordedEvents();
    const limiter = new RateLimiter({ scheduler });
    const { launch, starts } = limitedLauncher(scheduler, limiter, () => 'started');
    const batches = new BatchRunner({ launch, isLive: notLive, events, scheduler, concurrency: 2 });
    const caller = new AbortController();
    const view = await batches.start(
      Array.from({ length: 30 }, () => ({ presetId: 'preset' })),
      { signal: caller.signal },
    );
    await scheduler.advance(0);
    caller.abort();
    await scheduler.runUntilIdle();
    await batches.settled(view.id);
    const final = lastView(events);
    expect(final.state).toBe('cancelled');
    expect(starts.length).toBeLessThan(30);
    expect(final.items.filter((item) => item.state === 'cancelled').length).toBe(30 - starts.length);

    const done = new AbortController();
    const small = await batches.start([{ presetId: 'preset' }], { signal: done.signal });
    await scheduler.runUntilIdle();
    await batches.settled(small.id);
    done.abort();
    expect(batches.list().find((each) => each.id === small.id)?.state).toBe('done');
    expect(getEventListeners(done.signal, 'abort')).toHaveLength(0);
  });
});
