import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import type { LiveTask } from '../../shared/contract/tasks';
import { limitedClients } from './ingest-client';
import { RateLimiter } from './rate-limiter';
import { TaskControl } from './task-control';
import { memoryStore, runningTask } from './test-support/board';
import { apiError, FakeIngest } from './test-support/fake-ingest';
import { FakeScheduler } from './test-support/fake-scheduler';

async function setUp(tasks: LiveTask[]) {
  const scheduler = new FakeScheduler();
  const ingest = new FakeIngest(scheduler);
  const board = memoryStore();
  for (const task of tasks) {
    await board.store.put(task);
    if (task.taskId && task.status === 'running') ingest.run(task.sdkAppId, task.taskId);
  }
  const control = new TaskControl({
    store: board.store,
    clients: limitedClients(ingest, new RateLimiter({ scheduler })),
    scheduler,
    random: () => 0.5,
    mediaUrl: async (entryId) => {
      if (entryId !== 'e1') throw new AppError('NOT_FOUND', 'no entry');
      return 'https://media.example/other.mp4#duration=120';
    },
    mediaSeconds: (url) => (url.endsWith('#duration=120') ? 120 : null),
  });
  return { scheduler, ingest, ...board, control };
}

describe('TaskControl', () => {
  it('pauses and resumes through UpdateStreamIngest, counting the paused time', async () => {
    const task = runningTask();
    const { scheduler, ingest, store, control } = await setUp([task]);
    const pausedTask = await control.pause(task.id);
    expect(pausedTask).toMatchObject({ paused: true, pausedSince: scheduler.now() });
    expect(ingest.running.get(task.taskId as string)?.IsPause).toBe(true);
    await scheduler.advance(90_000);
    const resumedTask = await control.resume(task.id);
    expect(resumedTask).toMatchObject({ paused: false, pausedSince: null, pausedTotalMs: 90_000 });
    expect(ingest.running.get(task.taskId as string)?.IsPause).toBe(false);
    expect(store.get(task.id)).toEqual(resumedTask);
    expect(ingest.callsOf('UpdateStreamIngest').map((call) => call.purpose)).toEqual(['control', 'control']);
  });

  it('sets volume, tempo, progress and switches the source to a library entry', async () => {
    const task = runningTask();
    const { ingest, control } = await setUp([task]);
    expect((await control.setVolume(task.id, 150)).volume).toBe(150);
    expect((await control.setTempo(task.id, 1.5)).tempo).toBe(1.5);
    expect((await control.setProgress(task.id, true)).enableProgress).toBe(true);
    const switched = await control.switchSource(task.id, { kind: 'entry', entryId: 'e1' });
    expect(switched).toMatchObject({ streamUrl: 'https://media.example/other.mp4#duration=120', mediaSeconds: 120 });
    expect(ingest.running.get(task.taskId as string)).toMatchObject({
      Volume: 150,
      Tempo: 1.5,
      EnableProgress: true,
      StreamUrl: 'https://media.example/other.mp4#duration=120',
    });
  });

  it('switches only to a URL Start would send: rtmps is taken, a URL breaking the rule never reaches the wire', async () => {
    const task = runningTask();
    const { ingest, store, control } = await setUp([task]);
    expect((await control.switchSource(task.id, { kind: 'url', url: 'rtmps://live.example:443/app/key' })).streamUrl).toBe(
      'rtmps://live.example:443/app/key',
    );
    const bad: [string, string][] = [
      ['https://media.example/a b.mp4', 'requests:streamUrl.whitespace'],
      ['https://media.example/a.mp4\r\nX-Injected: 1', 'requests:streamUrl.whitespace'],
      ['https://media.example/a\t.mp4', 'requests:streamUrl.whitespace'],
      ['https://user:pw@media.example/a.mp4', 'requests:streamUrl.credentials'],
      [`https://media.example/${'x'.repeat(2048)}`, 'requests:streamUrl.tooLong'],
      ['ftp://media.example/a.mp4', 'requests:streamUrl.scheme'],
    ];
    for (const [url, messageKey] of bad) {
      await expect(control.switchSource(task.id, { kind: 'url', url }), url).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { field: 'url', messageKey },
      });
    }
    expect(ingest.callsOf('UpdateStreamIngest')).toHaveLength(1);
    expect(store.get(task.id).streamUrl).toBe('rtmps://live.example:443/app/key');
  });

  it('writes nothing when the call fails, so the page rolls back to what is stored', async () => {
    const task = runningTask();
    const { ingest, store, control } = await setUp([task]);
    ingest.failNext('UpdateStreamIngest', apiError('InvalidParameter.Volume'));
    await expect(control.setVolume(task.id, 150)).rejects.toMatchObject({ code: 'TRTC_API_ERROR' });
    expect(store.get(task.id).volume).toBe(100);
    expect(ingest.callsOf('UpdateStreamIngest')).toHaveLength(1);
  });

  it('retries an Update that met a rate limit or an internal error', async () => {
    const task = runningTask();
    const { scheduler, ingest, control } = await setUp([task]);
    ingest.failNext('UpdateStreamIngest', apiError('RequestLimitExceeded'));
    ingest.failNext('UpdateStreamIngest', apiError('InternalError'));
    const result = control.setTempo(task.id, 2);
    await scheduler.runUntilIdle();
    expect((await result).tempo).toBe(2);
    expect(ingest.callsOf('UpdateStreamIngest')).toHaveLength(3);
  });

  it('ends a task whose Update finds it gone', async () => {
    const task = runningTask();
    const { ingest, store, control } = await setUp([task]);
    ingest.end(task.taskId as string);
    await expect(control.pause(task.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(store.get(task.id)).toMatchObject({ status: 'ended', endReason: 'not-exist' });
  });

  it('stops a task, and counts a Stop that finds no task as stopped', async () => {
    const one = runningTask();
    const two = runningTask();
    const { ingest, store, control } = await setUp([one, two]);
    ingest.end(two.taskId as string);
    expect(await control.stop(one.id)).toEqual({ id: one.id, stopped: true });
    expect(await control.stop(two.id)).toEqual({ id: two.id, stopped: true });
    expect(store.get(one.id)).toMatchObject({ status: 'ended', endReason: 'stopped' });
    expect(store.get(two.id)).toMatchObject({ status: 'ended', endReason: 'stopped' });
    expect(ingest.running.size).toBe(0);
  });

  it('reports a Stop that keeps failing and leaves the task running', async () => {
    const task = runningTask();
    const { scheduler, ingest, store, control } = await setUp([task]);
    for (let index = 0; index < 5; index++) ingest.failNext('StopStreamIngest', apiError('InternalError'));
    const result = control.stop(task.id);
    await scheduler.runUntilIdle();
    expect(await result).toMatchObject({ stopped: false, error: { code: 'InternalError' } });
    expect(ingest.callsOf('StopStreamIngest')).toHaveLength(5);
    expect(store.get(task.id)).toMatchObject({ status: 'running', lastError: { code: 'InternalError' } });
  });

  it('does not retry an auth error', async () => {
    const task = runningTask();
    const { ingest, control } = await setUp([task]);
    ingest.failNext('StopStreamIngest', apiError('AuthFailure.SignatureFailure'));
    expect(await control.stop(task.id)).toMatchObject({ stopped: false, error: { code: 'AuthFailure.SignatureFailure' } });
    expect(ingest.callsOf('StopStreamIngest')).toHaveLength(1);
  });

  it('stops all tasks of a room, and all tasks, leaving the others alone', async () => {
    const a = runningTask({ roomId: 'r1' });
    const b = runningTask({ roomId: 'r1' });
    const c = runningTask({ roomId: 'r2' });
    const d = runningTask({ roomId: 'r1', sdkAppId: 1400000002 });
    const { ingest, store, control } = await setUp([a, b, c, d]);
    const room = await control.stopRoom(1400000001, 'r1');
    expect(room.map((result) => result.id).sort()).toEqual([a.id, b.id].sort());
    expect(store.get(c.id).status).toBe('running');
    expect(store.get(d.id).status).toBe('running');
    const all = await control.stopAll();
    expect(all.map((result) => result.id).sort()).toEqual([c.id, d.id].sort());
    expect(ingest.running.size).toBe(0);
  });

  it('refuses to control a task without TaskId or already ended', async () => {
    const unknown = runningTask({ status: 'unknown', taskId: undefined });
    const over = runningTask({ status: 'ended', endReason: 'not-exist', endedAt: 1 });
    const { control } = await setUp([unknown, over]);
    await expect(control.pause(unknown.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(control.setVolume(over.id, 10)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await control.stop(over.id)).toEqual({ id: over.id, stopped: true });
    expect(await control.stop(unknown.id)).toMatchObject({ stopped: false, error: { code: 'CONFLICT' } });
  });
});
