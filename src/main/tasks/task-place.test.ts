import { describe, expect, it } from 'vitest';
import type { LiveTask } from '../../shared/contract/tasks';
import { adoptTask } from './adopt';
import type { LaunchRecordView } from './launch-records';
import { memoryStore, runningTask } from './test-support/board';
import { boardService } from './test-support/board-service';
import { FakeIngest } from './test-support/fake-ingest';
import { FakeScheduler } from './test-support/fake-scheduler';

// The profile's default is ap-singapore (FakeIngest's); these tasks were started in ap-tokyo.
function tokyoRecord(id: string, taskId: string): LaunchRecordView {
  return {
    id,
    state: 'started',
    createdAt: '2026-11-27T12:00:00.000Z',
    updatedAt: '2026-11-27T12:00:00.500Z',
    presetName: `Tokyo ${id}`,
    sdkAppId: 1400000001,
    region: 'ap-tokyo',
    roomIdType: 1,
    roomId: '1001',
    streamUrl: 'https://media.example/a.mp4',
    profileId: 'p1',
    taskId,
    launch: { repeatNum: 1, maxDuration: null, volume: 100, tempo: 1, enableProgress: false },
  };
}

async function setUp(records: LaunchRecordView[], stored: LiveTask[] = []) {
  const { scheduler, ingest, service, ...board } = boardService({ records, mediaUrl: 'https://media.example/entry.mp4' });
  for (const task of stored) await board.store.put(task);
  for (const record of records) ingest.run(record.sdkAppId, record.taskId as string, record.region);
  await service.start();
  // The start-up check runs in the background, one rate window after start.
  await scheduler.advance(1050);
  await service.whenChecked();
  return { scheduler, ingest, service, ...board };
}

const regionsOf = (ingest: FakeIngest) => [...new Set(ingest.calls.map((call) => call.region))];

describe('a task is bound to the region it was started in', () => {
  it('reconciles, polls, controls, switches and stops it there, even after its profile moved', async () => {
    const { scheduler, ingest, service, store } = await setUp([tokyoRecord('r1', 'tk-1'), tokyoRecord('r2', 'tk-2')]);
    expect(service.reconciled).toMatchObject({ running: 2, ended: 0 });
    expect(store.get('r1')).toMatchObject({ region: 'ap-tokyo', status: 'running' });
    // The profile is edited after the launch: new launches go elsewhere, these tasks do not move.
    ingest.profileRegions.set('p1', 'ap-jakarta');
    await scheduler.advance(10_000);
    await service.refresh('r1');
    await service.control.pause('r1');
    await service.control.setVolume('r1', 50);
    await service.control.switchSource('r1', { kind: 'url', url: 'https://media.example/b.mp4' });
    await service.scheduled.schedule('r1', { afterMinutes: 1 });
    await scheduler.advance(60_000);
    expect(store.get('r1')).toMatchObject({ status: 'ended', endReason: 'scheduled' });
    expect(await service.control.stopRoom(1400000001, '1001')).toEqual([{ id: 'r2', stopped: true }]);
    expect(ingest.callsOf('StopStreamIngest')).toHaveLength(2);
    expect(ingest.callsOf('UpdateStreamIngest')).toHaveLength(3);
    expect(ingest.callsOf('DescribeStreamIngest').map((call) => call.purpose)).toEqual(
      expect.arrayContaining(['reconcile', 'poll', 'refresh']),
    );
    expect(regionsOf(ingest)).toEqual(['ap-tokyo']);
    service.close();
  });

  it('stop-all reaches tasks of several regions, each in its own', async () => {
    const bangkok = { ...tokyoRecord('r2', 'bk-1'), region: 'ap-bangkok' };
    const { ingest, service } = await setUp([tokyoRecord('r1', 'tk-1'), bangkok]);
    const results = await service.control.stopAll();
    expect(results.every((result) => result.stopped)).toBe(true);
    expect(
      ingest
        .callsOf('StopStreamIngest')
        .map((call) => call.region)
        .sort(),
    ).toEqual(['ap-bangkok', 'ap-tokyo']);
    expect(ingest.running.size).toBe(0);
    service.close();
  });

  it('a task stored before regions were kept takes its region from its launch record', async () => {
    const record = tokyoRecord('r1', 'tk-1');
    const { region: _dropped, ...earlier } = runningTask({ id: 'r1', recordId: 'r1', taskId: 'tk-1' });
    const { ingest, service, store } = await setUp([record], [earlier]);
    expect(store.get('r1').region).toBe('ap-tokyo');
    expect(service.reconciled).toMatchObject({ running: 1, ended: 0 });
    await service.control.pause('r1');
    expect(regionsOf(ingest)).toEqual(['ap-tokyo']);
    service.close();
  });

  it('adopts a task in the region the producer names, and keeps calling it there', async () => {
    const { ingest, service, store } = await setUp([]);
    ingest.run(1400000001, 'from-console', 'ap-mumbai');
    // Asked in the profile's region, the task is not there: TRTC answers NotExist.
    await expect(service.adopt({ sdkAppId: 1400000001, taskId: 'from-console' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const task = await service.adopt({ sdkAppId: 1400000001, taskId: 'from-console', region: 'ap-mumbai' });
    expect(store.get(task.id).region).toBe('ap-mumbai');
    ingest.profileRegions.set('p1', 'ap-jakarta');
    expect(await service.stop(task.id)).toEqual({ id: task.id, stopped: true });
    expect(ingest.callsOf('StopStreamIngest')[0]?.region).toBe('ap-mumbai');
    service.close();
  });

  it('an adopted task without a named region is bound to the profile region it was found in', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    ingest.run(1400000009, 'found');
    const task = await adoptTask(
      { store, clients: ingest, scheduler, profileOfApp: async () => 'p9' },
      { sdkAppId: 1400000009, taskId: 'found' },
    );
    expect(task.region).toBe('ap-singapore');
  });
});
