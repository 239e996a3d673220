import { describe, expect, it } from 'vitest';
import { adoptTask } from './adopt';
import { memoryStore } from './test-support/board';
import { FakeIngest } from './test-support/fake-ingest';
import { FakeScheduler } from './test-support/fake-scheduler';

describe('adoptTask', () => {
  it('adopts a task in progress by TaskId and SdkAppId, using the profile of the app', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    ingest.run(1400000009, 'from-console');
    const options = { store, clients: ingest, scheduler, profileOfApp: async () => 'p9', newId: () => 'x' };
    const task = await adoptTask(options, { sdkAppId: 1400000009, taskId: ' from-console ', roomId: '42' });
    expect(task).toMatchObject({
      id: 'adopted-x',
      origin: 'adopted',
      taskId: 'from-console',
      profileId: 'p9',
      roomId: '42',
      status: 'running',
      volume: null,
      tempo: null,
      repeatNum: null,
    });
    expect(store.get('adopted-x')).toEqual(task);
    expect(ingest.calls[0]).toMatchObject({ profileId: 'p9', purpose: 'adopt' });
    await expect(adoptTask(options, { sdkAppId: 1400000009, taskId: 'from-console' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a TaskId TRTC does not know (or under another SdkAppId)', async () => {
    const scheduler = new FakeScheduler();
    const ingest = new FakeIngest(scheduler);
    const { store } = memoryStore();
    ingest.run(1400000009, 'other-app');
    const options = { store, clients: ingest, scheduler, profileOfApp: async () => 'p9' };
    await expect(adoptTask(options, { sdkAppId: 1400000001, taskId: 'other-app' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(store.list()).toEqual([]);
  });
});
