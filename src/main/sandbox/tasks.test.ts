import { Api } from 'tls-sig-api-v2';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxOptions, TrtcSandbox } from './index';
import { mediaSecondsOf } from './tasks';
import { app, clientSetup, FakeClock, otherApp, startRequest, startTestSandbox } from './test-support/fixture';
import { codeOf, sandboxClient } from './test-support/sdk-client';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

let sandbox: TrtcSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setUp(options: Partial<SandboxOptions> = {}) {
  const clock = new FakeClock();
  sandbox = await startTestSandbox({ clock, ...options });
  const client = sandboxClient(sandbox.port, clientSetup);
  const start = async (overrides: Record<string, unknown> = {}) =>
    (await client.request('StartStreamIngest', startRequest(overrides))).TaskId as string;
  const status = async (taskId: string, sdkAppId = app.sdkAppId) =>
    (await client.DescribeStreamIngest({ SdkAppId: sdkAppId, TaskId: taskId })).Status;
  return { clock, client, start, status, sandbox };
}

describe('task lifecycle on the task clock', () => {
  it('runs for the media duration times RepeatNum, then is NotExist', async () => {
    const { clock, start, status, sandbox } = await setUp();
    const taskId = await start({ StreamUrl: 'https://m.example.com/a.mp4#duration=40', RepeatNum: 3 });
    expect(taskId).toMatch(/^[A-Za-z0-9_-]{20,}\.\.$/);
    expect(sandbox.tasks()[0]?.endsAt).toBe(clock.now() + 120 * second);
    clock.advance(120 * second - 1);
    expect(await status(taskId)).toBe('InProgress');
    clock.advance(1);
    expect(await status(taskId)).toBe('NotExist');
    expect(sandbox.tasks()[0]).toMatchObject({ TaskId: taskId, state: 'ended', endReason: 'finished' });
  });

  it('uses the configured default when the URL has no #duration=, and plays faster at a higher Tempo', async () => {
    const { clock, start, status } = await setUp({ defaultMediaSeconds: 90 });
    const plain = await start({ StreamUrl: 'https://m.example.com/b.mp4', RoomId: '1' });
    const fast = await start({ StreamUrl: 'https://m.example.com/c.mp4#duration=120', Tempo: 2.0, RoomId: '2' });
    clock.advance(60 * second);
    expect(await status(fast)).toBe('NotExist');
    expect(await status(plain)).toBe('InProgress');
    clock.advance(30 * second);
    expect(await status(plain)).toBe('NotExist');
  });

  it('freezes while paused and resumes where it left off', async () => {
    const { clock, client, start, status } = await setUp();
    const taskId = await start({ StreamUrl: 'https://m.example.com/a.mp4#duration=60' });
    clock.advance(30 * second);
    expect((await client.UpdateStreamIngest({ SdkAppId: app.sdkAppId, TaskId: taskId, IsPause: true })).Status).toBe('InProgress');
    clock.advance(10 * hour);
    expect(await status(taskId)).toBe('InProgress');
    await client.UpdateStreamIngest({ SdkAppId: app.sdkAppId, TaskId: taskId, IsPause: false, Volume: 150 });
    clock.advance(30 * second - 1);
    expect(await status(taskId)).toBe('InProgress');
    clock.advance(1);
    expect(await status(taskId)).toBe('NotExist');
  });

  it('destroys a task paused for more than 12 hours', async () => {
    const { clock, client, start, status, sandbox } = await setUp();
    const taskId = await start({ RepeatNum: -1 });
    await client.UpdateStreamIngest({ SdkAppId: app.sdkAppId, TaskId: taskId, IsPause: true });
    clock.advance(12 * hour);
    expect(await status(taskId)).toBe('InProgress');
    clock.advance(1);
    expect(await status(taskId)).toBe('NotExist');
    expect(sandbox.tasks()[0]?.endReason).toBe('paused-too-long');
  });

  it('loops with RepeatNum -1 until MaxDuration, or until Stop without it', async () => {
    const { clock, client, start, status, sandbox } = await setUp();
    const bounded = await start({ RepeatNum: -1, MaxDuration: 90, RoomId: '1' });
    const endless = await start({ RepeatNum: -1, RoomId: '2' });
    clock.advance(90 * minute - 1);
    expect(await status(bounded)).toBe('InProgress');
    clock.advance(1);
    expect(await status(bounded)).toBe('NotExist');
    clock.advance(30 * 24 * hour);
    expect(await status(endless)).toBe('InProgress');
    await client.StopStreamIngest({ SdkAppId: app.sdkAppId, TaskId: endless });
    expect(await status(endless)).toBe('NotExist');
    expect(sandbox.tasks().map((task) => task.endReason)).toEqual(['max-duration', 'stopped']);
  });

  it('restarts the media when Update changes the StreamUrl, and records Volume and Tempo', async () => {
    const { clock, client, start, status, sandbox } = await setUp();
    const taskId = await start({ StreamUrl: 'https://m.example.com/a.mp4#duration=60' });
    clock.advance(50 * second);
    await client.UpdateStreamIngest({
      SdkAppId: app.sdkAppId,
      TaskId: taskId,
      StreamUrl: 'https://m.example.com/b.mp4#duration=100',
      Volume: 30,
      Tempo: 1.25,
    });
    expect(sandbox.tasks()[0]).toMatchObject({ StreamUrl: 'https://m.example.com/b.mp4#duration=100', Volume: 30, Tempo: 1.25 });
    clock.advance(79 * second);
    expect(await status(taskId)).toBe('InProgress');
    clock.advance(1 * second);
    expect(await status(taskId)).toBe('NotExist');
  });

  it('answers InvalidParameter.TaskId to Update or Stop of an unknown, ended or foreign task', async () => {
    const { clock, client, start, status } = await setUp();
    const taskId = await start({ StreamUrl: 'https://m.example.com/a.mp4#duration=10' });
    expect(await status(taskId, otherApp.sdkAppId)).toBe('NotExist');
    expect(await codeOf(client.StopStreamIngest({ SdkAppId: otherApp.sdkAppId, TaskId: taskId }))).toBe('InvalidParameter.TaskId');
    clock.advance(10 * second);
    expect(await codeOf(client.UpdateStreamIngest({ SdkAppId: app.sdkAppId, TaskId: taskId, Volume: 10 }))).toBe('InvalidParameter.TaskId');
    expect(await codeOf(client.StopStreamIngest({ SdkAppId: app.sdkAppId, TaskId: taskId }))).toBe('InvalidParameter.TaskId');
    expect(await codeOf(client.StopStreamIngest({ SdkAppId: app.sdkAppId, TaskId: 'never-issued' }))).toBe('InvalidParameter.TaskId');
    expect(await status('never-issued')).toBe('NotExist');
  });
});

describe('limits on starting', () => {
  it('refuses a Start past the concurrency limit of the app, and accepts again once a task stopped', async () => {
    const { client, start } = await setUp({ maxConcurrentTasksPerApp: 2 });
    const first = await start({ RoomId: '1' });
    await start({ RoomId: '2' });
    expect(await codeOf(start({ RoomId: '3' }))).toBe('FailedOperation.RestrictedConcurrency');
    const otherSig = new Api(otherApp.sdkAppId, otherApp.sdkSecretKey).genUserSig('robot_1', 300);
    expect(await codeOf(start({ SdkAppId: otherApp.sdkAppId, UserSig: otherSig, RoomId: '3' }))).toBe('');
    await client.StopStreamIngest({ SdkAppId: app.sdkAppId, TaskId: first });
    expect(await codeOf(start({ RoomId: '3' }))).toBe('');
  });

  it('refuses a second task for the same robot in the same room with FailedOperation.TaskExist', async () => {
    const { start } = await setUp();
    await start({ RoomId: '1' });
    expect(await codeOf(start({ RoomId: '1' }))).toBe('FailedOperation.TaskExist');
    expect(await codeOf(start({ RoomId: '1', RoomIdType: 0 }))).toBe('');
  });
});

describe('tasks are bound to the region of their Start', () => {
  it('in another region the task is unknown: Describe says NotExist, Update and Stop refuse its TaskId', async () => {
    const { client, start, status, sandbox } = await setUp();
    const taskId = await start();
    expect(sandbox.tasks()[0]?.region).toBe('ap-guangzhou');
    const tokyo = sandboxClient(sandbox.port, { ...clientSetup, region: 'ap-tokyo' });
    const ref = { SdkAppId: app.sdkAppId, TaskId: taskId };
    expect((await tokyo.DescribeStreamIngest(ref)).Status).toBe('NotExist');
    expect(await codeOf(tokyo.UpdateStreamIngest({ ...ref, IsPause: true }))).toBe('InvalidParameter.TaskId');
    expect(await codeOf(tokyo.StopStreamIngest(ref))).toBe('InvalidParameter.TaskId');
    // Its own region still has it, untouched.
    expect(await status(taskId)).toBe('InProgress');
    expect(sandbox.tasks()[0]).toMatchObject({ paused: false, state: 'in-progress' });
    expect(sandbox.requests().map((request) => request.region)).toEqual([
      'ap-guangzhou',
      'ap-tokyo',
      'ap-tokyo',
      'ap-tokyo',
      'ap-guangzhou',
    ]);
    await client.StopStreamIngest(ref);
    expect(await status(taskId)).toBe('NotExist');
  });

  it("refuses an Update whose StreamUrl breaks the rule Start's follows, and takes rtmps", async () => {
    const { client, start, sandbox } = await setUp();
    const ref = { SdkAppId: app.sdkAppId, TaskId: await start() };
    for (const StreamUrl of [
      'https://m.example.com/a b.mp4',
      'https://m.example.com/a.mp4\r\nX: 1',
      'https://m.example.com/a\t.mp4',
      'https://user:pw@m.example.com/a.mp4',
      'ftp://m.example.com/a.mp4',
    ]) {
      expect(await codeOf(client.UpdateStreamIngest({ ...ref, StreamUrl })), StreamUrl).toBe('InvalidParameter.StreamUrl');
    }
    expect(await codeOf(client.UpdateStreamIngest({ ...ref, StreamUrl: 'rtmps://live.example.com:443/app/key' }))).toBe('');
    expect(sandbox.tasks()[0]?.StreamUrl).toBe('rtmps://live.example.com:443/app/key');
  });
});

describe('mediaSecondsOf', () => {
  it('reads #duration= from the fragment only', () => {
    expect(mediaSecondsOf('https://a.b/c.mp4#duration=12.5', 60)).toBe(12.5);
    expect(mediaSecondsOf('https://a.b/c.mp4#t=3&duration=7', 60)).toBe(7);
    expect(mediaSecondsOf('https://a.b/c.mp4?duration=7', 60)).toBe(60);
    expect(mediaSecondsOf('https://a.b/c.mp4#duration=0', 60)).toBe(60);
  });
});
