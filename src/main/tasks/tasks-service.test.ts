import { describe, expect, it } from 'vitest';
import type { LaunchRecordView } from './launch-records';
import { boardService } from './test-support/board-service';

function record(state: LaunchRecordView['state'], taskId?: string): LaunchRecordView {
  return {
    id: 'rec-1',
    state,
    createdAt: '2026-11-27T12:00:00.000Z',
    updatedAt: '2026-11-27T12:00:00.500Z',
    presetName: 'Morning show',
    sdkAppId: 1400000001,
    region: 'ap-singapore',
    roomIdType: 1,
    roomId: '1001',
    streamUrl: 'https://media.example/a.mp4',
    profileId: 'p1',
    ...(taskId ? { taskId } : {}),
    launch: { repeatNum: 1, maxDuration: null, volume: 100, tempo: 1, enableProgress: false },
  };
}

const setUp = () => boardService();

describe('TasksService', () => {
  it('mirrors a launch on the board: launching while pending, then running and polled once it has a TaskId', async () => {
    const { scheduler, ingest, service, store } = setUp();
    await service.start();
    await service.trackLaunch(record('pending'));
    expect(store.get('rec-1').status).toBe('launching');
    ingest.run(1400000001, 'task-1');
    await service.trackLaunch(record('started', 'task-1'));
    expect(store.get('rec-1')).toMatchObject({ status: 'running', taskId: 'task-1', label: 'Morning show' });
    expect(service.monitor.watching()).toEqual(['rec-1']);
    ingest.end('task-1');
    await scheduler.advance(10_000);
    expect(store.get('rec-1')).toMatchObject({ status: 'ended', endReason: 'not-exist' });
    expect(service.monitor.watching()).toEqual([]);
    service.close();
  });

  it('drops a launch that failed, and shows one without a trustworthy answer as unknown', async () => {
    const { service, store } = setUp();
    await service.trackLaunch(record('pending'));
    await service.trackLaunch(record('failed'));
    expect(store.find('rec-1')).toBeUndefined();
    await service.trackLaunch({ ...record('unknown'), id: 'rec-2' });
    expect(store.get('rec-2').status).toBe('unknown');
  });

  it('forgets only finished tasks', async () => {
    const { ingest, service, store } = setUp();
    ingest.run(1400000001, 'task-1');
    await service.trackLaunch(record('started', 'task-1'));
    await expect(service.forget('rec-1')).rejects.toMatchObject({ code: 'CONFLICT' });
    await service.stop('rec-1');
    expect(await service.forget('rec-1')).toEqual({ removed: true });
    expect(store.list()).toEqual([]);
    service.close();
  });
});
