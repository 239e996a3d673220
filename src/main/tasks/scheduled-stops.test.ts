import { describe, expect, it } from 'vitest';
import { ScheduledStops } from './scheduled-stops';
import { TaskControl } from './task-control';
import { diskStore, memoryStore, runningTask } from './test-support/board';
import { apiError, FakeIngest } from './test-support/fake-ingest';
import { FakeScheduler, until } from './test-support/fake-scheduler';

function build(store: ReturnType<typeof memoryStore>['store'], scheduler: FakeScheduler, ingest: FakeIngest) {
  const control = new TaskControl({ store, clients: ingest, scheduler, random: () => 0, mediaUrl: async () => '' });
  return new ScheduledStops({ store, scheduler, stop: (id, purpose) => control.stop(id, purpose) });
}

describe('ScheduledStops', () => {
  it('stops a task after N minutes on the clock, and not before', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    const task = await store.put(runningTask());
    ingest.run(task.sdkAppId, task.taskId as string);
    const stops = build(store, scheduler, ingest);
    const saved = await stops.schedule(task.id, { afterMinutes: 30 });
    expect(saved.scheduledStopAt).toBe(scheduler.now() + 30 * 60_000);
    await scheduler.advance(30 * 60_000 - 1);
    expect(ingest.callsOf('StopStreamIngest')).toHaveLength(0);
    await scheduler.advance(1);
    expect(ingest.callsOf('StopStreamIngest').map((call) => call.purpose)).toEqual(['scheduled-stop']);
    expect(store.get(task.id)).toMatchObject({ status: 'ended', endReason: 'scheduled', scheduledStopAt: null });
  });

  it('survives a restart: the time is on disk and is armed again; a time that passed fires at once', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const first = await diskStore(scheduler);
    const soon = await first.store.put(runningTask());
    const later = await first.store.put(runningTask());
    for (const task of [soon, later]) ingest.run(task.sdkAppId, task.taskId as string);
    const before = build(first.store, scheduler, ingest);
    await before.schedule(soon.id, { afterMinutes: 5 });
    await before.schedule(later.id, { at: scheduler.now() + 60 * 60_000 });
    before.close();

    // The app was closed for 10 minutes.
    await scheduler.advance(10 * 60_000);
    const reopened = await diskStore(scheduler, first.dir);
    const after = build(reopened.store, scheduler, ingest);
    after.start();
    expect(after.armed().sort()).toEqual([soon.id, later.id].sort());
    await scheduler.advance(0);
    await until(() => reopened.store.get(soon.id).status === 'ended', 'the overdue stop');
    expect(reopened.store.get(later.id).status).toBe('running');
    await scheduler.advance(50 * 60_000);
    await until(() => reopened.store.get(later.id).status === 'ended', 'the later stop');
    expect(reopened.store.get(later.id)).toMatchObject({ status: 'ended', endReason: 'scheduled' });
  });

  it('can be cancelled, and tries again when the Stop fails', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    const kept = await store.put(runningTask());
    const retried = await store.put(runningTask());
    for (const task of [kept, retried]) ingest.run(task.sdkAppId, task.taskId as string);
    const stops = build(store, scheduler, ingest);
    await stops.schedule(kept.id, { afterMinutes: 1 });
    await stops.schedule(retried.id, { afterMinutes: 1 });
    expect((await stops.cancel(kept.id)).scheduledStopAt).toBeNull();
    ingest.failNext('StopStreamIngest', apiError('AuthFailure.SignatureExpire'));
    await scheduler.advance(60_000);
    expect(store.get(retried.id).status).toBe('running');
    await scheduler.advance(30_000);
    expect(store.get(retried.id).status).toBe('ended');
    expect(store.get(kept.id).status).toBe('running');
  });

  it('refuses a time in the past and a task that is not running', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    const running = await store.put(runningTask());
    const over = await store.put(runningTask({ status: 'ended', endReason: 'stopped', endedAt: 1 }));
    const stops = build(store, scheduler, ingest);
    await expect(stops.schedule(running.id, { at: scheduler.now() - 1 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(stops.schedule(over.id, { afterMinutes: 5 })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
