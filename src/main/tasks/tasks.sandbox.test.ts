/**
 * The engine against the real sandbox through the official SDK (the app's TrtcClient): real HTTP on
 * loopback, the sandbox's own 20 requests/second limit, its task lifecycle and its faults.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTrtcSandbox, type TrtcSandbox } from '../sandbox';
import { app, credential, startRequest } from '../sandbox/test-support/fixture';
import { type StartIngestRequest, TrtcClient } from '../trtc/trtc-client';
import { limitClient, limitedClients, runInLane } from './ingest-client';
import { RateLimiter } from './rate-limiter';
import { type Scheduler, systemScheduler } from './scheduler';
import { TasksService, type TasksServiceDeps } from './tasks-service';
import { memoryStore, runningTask } from './test-support/board';
import { noNeighbours } from './test-support/board-service';
import { FakeScheduler, until } from './test-support/fake-scheduler';

let sandbox: TrtcSandbox | undefined;
const clients: TrtcClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await sandbox?.close();
  sandbox = undefined;
});

function clientFor(port: number): TrtcClient {
  const client = new TrtcClient(
    {
      profileId: 'sandbox',
      profileName: 'Sandbox',
      ...credential,
      site: 'china',
      region: 'ap-guangzhou',
      target: { scheme: 'http', host: '127.0.0.1', port },
      sandbox: true,
    },
    { appVersion: 'test' },
  );
  clients.push(client);
  return client;
}

/** The board over this sandbox client alone (no launches, no library), with its own limiter. */
function boardOn(client: TrtcClient, scheduler: Scheduler, options: Partial<TasksServiceDeps> = {}) {
  const board = memoryStore();
  const service = new TasksService({
    store: board.store,
    events: board.events,
    scheduler,
    limiter: new RateLimiter({ scheduler }),
    clients: { forProfile: async () => client },
    ...noNeighbours({ profileId: 'sandbox' }),
    ...options,
  });
  return { board, service };
}

const rateLimited = (box: TrtcSandbox) => box.requests().filter((request) => request.errorCode?.startsWith('RequestLimitExceeded'));

describe('tasks against the sandbox', () => {
  it('launches 25 tasks at once through the shared limiter with zero RequestLimitExceeded', async () => {
    sandbox = await startTrtcSandbox({ credentials: [credential], apps: [app], maxConcurrentTasksPerApp: 100 });
    const limiter = new RateLimiter({ scheduler: systemScheduler });
    const client = limitClient(clientFor(sandbox.port), 'sandbox', limiter);
    const started = Date.now();
    const results = await runInLane('background', () =>
      Promise.all(
        Array.from({ length: 25 }, (_, index) =>
          client.startStreamIngest(startRequest({ RoomId: String(2000 + index) }) as StartIngestRequest, 'batch'),
        ),
      ),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(new Set(results.map((result) => result.taskId)).size).toBe(25);
    expect(rateLimited(sandbox)).toEqual([]);
    expect(sandbox.tasks().filter((task) => task.state === 'in-progress')).toHaveLength(25);
    // 17 background Starts at once, the next ones only once the first answers are 1.05 s old.
    expect(seconds).toBeGreaterThanOrEqual(1.05);
    console.log(`25 Starts through the limiter: ${seconds.toFixed(2)} s, 0 RequestLimitExceeded`);
  });

  it('(control) the same 25 Starts without the limiter do meet the sandbox limit', async () => {
    sandbox = await startTrtcSandbox({ credentials: [credential], apps: [app], maxConcurrentTasksPerApp: 100 });
    const client = clientFor(sandbox.port);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, (_, index) =>
        client.startStreamIngest(startRequest({ RoomId: String(3000 + index) }) as StartIngestRequest, 'batch'),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').length).toBeGreaterThan(0);
    expect(rateLimited(sandbox).length).toBeGreaterThan(0);
  });

  it('moves a task the sandbox ended to the history, and polls it no more', async () => {
    const scheduler = new FakeScheduler(Date.now());
    sandbox = await startTrtcSandbox({ credentials: [credential], apps: [app], clock: scheduler });
    const client = clientFor(sandbox.port);
    const { taskId } = await client.startStreamIngest(
      startRequest({ StreamUrl: 'https://media.example.com/clip.mp4#duration=60' }) as StartIngestRequest,
      'launch',
    );
    const { board, service } = boardOn(client, scheduler, { random: () => 0.5 });
    const task = await board.store.put(runningTask({ taskId, sdkAppId: app.sdkAppId, profileId: 'sandbox', startedAt: scheduler.now() }));
    await service.start();
    // The start-up check waits one window, then describes the task (real HTTP) before polling starts.
    await scheduler.advance(1050);
    await service.whenChecked();
    // Fake time, real HTTP: move in steps and let each poll's answer arrive before moving on.
    const advance = async (ms: number) => {
      for (let done = 0; done < ms; done += 500) {
        await scheduler.advance(500);
        await until(() => service.monitor.inFlight() === 0, 'the poll to be answered');
      }
    };
    await advance(59_000);
    const describes = () => sandbox?.requests().filter((request) => request.action === 'DescribeStreamIngest').length ?? 0;
    // One at start-up (reconcile), then every 7.5 s from 5 s: 5, 12.5, ... 57.5.
    expect(describes()).toBe(1 + 8);
    expect(board.store.get(task.id).status).toBe('running');
    await advance(7_000);
    expect(board.store.get(task.id)).toMatchObject({ status: 'ended', endReason: 'not-exist', endedAt: scheduler.now() - 1_000 });
    expect(sandbox.tasks()[0]).toMatchObject({ state: 'ended', endReason: 'finished' });
    const polls = sandbox.requests().length;
    await advance(120_000);
    expect(sandbox.requests().length).toBe(polls);
    service.close();
  });

  it('pauses, changes volume and tempo, switches, and stops a sandbox task; retries through injected 503s', async () => {
    sandbox = await startTrtcSandbox({ credentials: [credential], apps: [app] });
    const client = clientFor(sandbox.port);
    const { taskId } = await client.startStreamIngest(startRequest() as StartIngestRequest, 'launch');
    const { board, service } = boardOn(client, systemScheduler, { backoff: { baseMs: 20, capMs: 100, maxAttempts: 5 } });
    const task = await board.store.put(runningTask({ taskId, sdkAppId: app.sdkAppId, profileId: 'sandbox' }));
    const view = () => sandbox?.tasks().find((candidate) => candidate.TaskId === taskId);

    await service.control.pause(task.id);
    expect(view()?.paused).toBe(true);
    await service.control.resume(task.id);
    expect(view()?.paused).toBe(false);
    sandbox.faults.set('UpdateStreamIngest', { error: { code: 'InternalError', times: 2 } });
    await service.control.setVolume(task.id, 150);
    expect(view()?.Volume).toBe(150);
    await service.control.setTempo(task.id, 1.5);
    expect(view()?.Tempo).toBe(1.5);
    await service.control.switchSource(task.id, { kind: 'url', url: 'https://media.example.com/other.mp4' });
    expect(view()?.StreamUrl).toBe('https://media.example.com/other.mp4');
    expect(board.store.get(task.id)).toMatchObject({
      volume: 150,
      tempo: 1.5,
      paused: false,
      streamUrl: 'https://media.example.com/other.mp4',
    });

    sandbox.faults.set('StopStreamIngest', { failure: 'http-503' });
    const failing = service.control.stop(task.id);
    // A 503 is no trustworthy answer: retried until attempts run out, then reported.
    expect(await failing).toMatchObject({ stopped: false });
    sandbox.faults.clear();
    expect(await service.control.stop(task.id)).toEqual({ id: task.id, stopped: true });
    expect(view()?.state).toBe('stopped');
    // Stopping again finds no task: still counted as stopped.
    await board.store.patch(task.id, (current) => ({ ...current, status: 'running', endReason: undefined }));
    expect(await service.control.stop(task.id)).toEqual({ id: task.id, stopped: true });
    service.close();
  });

  it('adopts a task started elsewhere and controls it', async () => {
    sandbox = await startTrtcSandbox({ credentials: [credential], apps: [app] });
    const client = clientFor(sandbox.port);
    const { taskId } = await client.startStreamIngest(startRequest() as StartIngestRequest, 'elsewhere');
    const { service } = boardOn(client, systemScheduler, {
      clients: limitedClients({ forProfile: async () => client }, new RateLimiter({ scheduler: systemScheduler })),
    });
    await expect(service.adopt({ sdkAppId: app.sdkAppId, taskId: 'no-such-task' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const adopted = await service.adopt({ sdkAppId: app.sdkAppId, taskId });
    await service.control.setVolume(adopted.id, 30);
    expect(sandbox.tasks()[0]?.Volume).toBe(30);
    expect(await service.stop(adopted.id)).toMatchObject({ stopped: true });
    service.close();
  });
});
