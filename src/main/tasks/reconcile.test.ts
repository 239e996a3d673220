import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import type { LaunchRecordView } from './launch-records';
import { reconcile } from './reconcile';
import { memoryStore, runningTask } from './test-support/board';
import { FakeIngest } from './test-support/fake-ingest';
import { FakeScheduler } from './test-support/fake-scheduler';

function record(id: string, state: LaunchRecordView['state'], taskId?: string): LaunchRecordView {
  return {
    id,
    state,
    createdAt: '2026-11-27T11:00:00.000Z',
    updatedAt: '2026-11-27T11:00:01.000Z',
    presetName: `preset ${id}`,
    sdkAppId: 1400000001,
    region: 'ap-singapore',
    roomIdType: 1,
    roomId: '1001',
    streamUrl: 'https://media.example/a.mp4#duration=60',
    profileId: 'p1',
    ...(taskId ? { taskId } : {}),
    launch: { repeatNum: 2, maxDuration: null, volume: 80, tempo: 1.25, enableProgress: true },
  };
}

describe('reconcile', () => {
  it('settles every launch the last run left: running, ended, or unknown without a TaskId', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    ingest.run(1400000001, 'alive');
    const records = [
      record('a', 'started', 'alive'),
      record('b', 'started', 'gone'),
      record('c', 'unknown'),
      record('d', 'failed'),
      // Written as pending by a run that died mid-request (the registry turns it into unknown on open).
      record('e', 'unknown'),
    ];
    const report = await reconcile({ store, records: { list: () => records }, clients: ingest, scheduler, mediaSeconds: () => 60 });
    expect(report).toEqual({ checked: 2, running: 1, ended: 1, unknown: 2, unanswered: 0 });
    expect(store.get('a')).toMatchObject({
      status: 'running',
      taskId: 'alive',
      volume: 80,
      tempo: 1.25,
      repeatNum: 2,
      mediaSeconds: 60,
      label: 'preset a',
    });
    expect(store.get('a').startedAt).toBe(Date.parse('2026-11-27T11:00:01.000Z'));
    expect(store.get('b')).toMatchObject({ status: 'ended', endReason: 'not-exist' });
    expect(store.get('c').status).toBe('unknown');
    expect(store.find('d')).toBeUndefined();
    expect(ingest.callsOf('DescribeStreamIngest').map((call) => call.purpose)).toEqual(['reconcile', 'reconcile']);
  });

  it('drops the launching entry of a Start that failed just before the last run died', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    await store.put(runningTask({ id: 'g', recordId: 'g', status: 'launching', taskId: undefined }));
    const report = await reconcile({ store, records: { list: () => [record('g', 'failed')] }, clients: ingest, scheduler });
    expect(store.find('g')).toBeUndefined();
    expect(report).toEqual({ checked: 0, running: 0, ended: 0, unknown: 0, unanswered: 0 });
    expect(ingest.calls).toEqual([]);
  });

  it('describes adopted and board-only tasks again, but never tasks known to be over', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    const adopted = await store.put(runningTask({ origin: 'adopted', recordId: undefined }));
    const over = await store.put(runningTask({ status: 'ended', endReason: 'stopped', endedAt: 1 }));
    ingest.run(adopted.sdkAppId, adopted.taskId as string);
    const report = await reconcile({ store, records: { list: () => [] }, clients: ingest, scheduler });
    expect(report).toMatchObject({ checked: 1, running: 1 });
    expect(ingest.calls.map((call) => (call.request as { TaskId: string }).TaskId)).toEqual([adopted.taskId]);
    expect(store.get(over.id).status).toBe('ended');
  });

  it('keeps a launching entry that got its TaskId after all, and retries an unanswered Describe', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    await store.put(runningTask({ id: 'f', recordId: 'f', status: 'launching', taskId: undefined }));
    ingest.run(1400000001, 'late');
    ingest.failNext('DescribeStreamIngest', new AppError('TIMEOUT', 'timed out'));
    const done = reconcile({
      store,
      records: { list: () => [record('f', 'started', 'late')] },
      clients: ingest,
      scheduler,
      random: () => 0.5,
    });
    await scheduler.runUntilIdle();
    expect(await done).toMatchObject({ checked: 1, running: 1, unanswered: 0 });
    expect(store.get('f')).toMatchObject({ status: 'running', taskId: 'late', lastError: null });
    expect(ingest.callsOf('DescribeStreamIngest')).toHaveLength(2);
  });

  it('leaves a task it could not describe running, with the error, for the monitor to try again', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    const task = await store.put(runningTask());
    ingest.failNext(
      'DescribeStreamIngest',
      new AppError('TRTC_API_ERROR', 'x', { action: 'DescribeStreamIngest', trtcCode: 'AuthFailure.SecretIdNotFound', retryable: false }),
    );
    const report = await reconcile({ store, records: { list: () => [] }, clients: ingest, scheduler });
    expect(report.unanswered).toBe(1);
    expect(store.get(task.id)).toMatchObject({ status: 'running', lastError: { code: 'AuthFailure.SecretIdNotFound' } });
  });
});
