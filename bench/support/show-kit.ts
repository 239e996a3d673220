/**
 * A show's runner in the bench process, wired like the app's (the real limiter, the real runner,
 * runs in memory) to the TRTC sandbox through the official SDK, one client per account.
 */
import { Api } from 'tls-sig-api-v2';
import { EventBus } from '../../src/main/app/event-bus';
import { startTrtcSandbox, type TrtcSandbox } from '../../src/main/sandbox/index';
import { app, startRequest } from '../../src/main/sandbox/test-support/fixture';
import { sandboxClient } from '../../src/main/sandbox/test-support/sdk-client';
import { type RunRecord, runRecordSchema } from '../../src/main/shows/run-record';
import { ShowRunner } from '../../src/main/shows/show-runner';
import type { ControlsPort, LaunchPort } from '../../src/main/shows/shows-ports';
import { MemoryRecords } from '../../src/main/storage/memory-records';
import { limitClient, runInLane } from '../../src/main/tasks/ingest-client';
import { RateLimiter } from '../../src/main/tasks/rate-limiter';
import type { Scheduler } from '../../src/main/tasks/scheduler';
import type { ShowDraft, StoredShow } from '../../src/shared/shows/show-schema';

export const accounts = [0, 1, 2].map((index) => ({
  secretId: `AKIDshowBench000${index}`,
  secretKey: `show-bench-secret-key-000${index}`,
}));

export interface SentCall {
  at: number;
  account: number;
  action: string;
}

export async function startShowBench(scheduler: Scheduler) {
  const sandbox: TrtcSandbox = await startTrtcSandbox({ credentials: accounts, apps: [app], maxConcurrentTasksPerApp: 10_000 });
  const limiter = new RateLimiter({ scheduler });
  const sent: SentCall[] = [];
  const userSig = new Api(app.sdkAppId, app.sdkSecretKey).genUserSig('robot_1', 86_400);
  const clients = accounts.map((credential, account) => {
    const sdk = sandboxClient(sandbox.port, credential);
    const note = (action: string) => sent.push({ at: performance.now(), account, action });
    return limitClient(
      {
        startStreamIngest: async (request: object, _purpose: string) => {
          note('Start');
          return sdk.StartStreamIngest(request as never);
        },
        updateStreamIngest: async (request: object, _purpose: string) => {
          note('Update');
          return sdk.UpdateStreamIngest(request as never);
        },
        stopStreamIngest: async (request: object, _purpose: string) => {
          note('Stop');
          return sdk.StopStreamIngest(request as never);
        },
        describeStreamIngest: async (request: object, _purpose: string) => {
          note('Describe');
          return sdk.DescribeStreamIngest(request as never);
        },
      },
      `account-${account}`,
      limiter,
    );
  });
  const taskAccount = new Map<string, number>();
  const accountOf = (name: string) => Number(/#(\d)$/.exec(name)?.[1] ?? 0);
  const launch: LaunchPort = {
    target: async (task) => ({ sdkAppId: app.sdkAppId, roomId: task.roomId ?? '1', userId: 'robot_1', live: true }),
    recordsSince: () => [],
    launch: async (task) => {
      const account = accountOf(task.name);
      try {
        const answer = await clients[account]?.startStreamIngest(
          startRequest({ RoomId: task.roomId, UserSig: userSig, StreamUrl: 'https://media.example.com/clip.mp4#duration=86400' }),
          'launch',
        );
        const taskId = (answer as { TaskId: string }).TaskId;
        taskAccount.set(taskId, account);
        return { state: 'started', recordId: taskId };
      } catch (error) {
        return { state: 'failed', error: { code: String((error as { code?: string }).code ?? 'ERROR'), message: String(error) } };
      }
    },
  };
  const update = async (id: string, fields: object) => {
    await clients[taskAccount.get(id) ?? 0]?.updateStreamIngest({ SdkAppId: app.sdkAppId, TaskId: id, ...fields }, 'control');
  };
  const controls: ControlsPort = {
    switchSource: (id, source) => update(id, { StreamUrl: source.kind === 'url' ? source.url : '' }),
    setVolume: (id, volume) => update(id, { Volume: volume }),
    setTempo: (id, tempo) => update(id, { Tempo: tempo }),
    pause: (id) => update(id, { IsPause: true }),
    resume: (id) => update(id, { IsPause: false }),
    stop: async (id) => {
      await clients[taskAccount.get(id) ?? 0]?.stopStreamIngest({ SdkAppId: app.sdkAppId, TaskId: id }, 'control');
    },
  };
  const runner = new ShowRunner({
    runs: new MemoryRecords<RunRecord>(runRecordSchema),
    scheduler,
    events: new EventBus(),
    launch,
    controls,
    keepAwake: { hold: () => () => undefined },
    inLane: runInLane,
  });
  const limitedOf = (account: number) => clients[account];
  return {
    sandbox,
    limiter,
    sent,
    runner,
    limitedOf,
    close: () => {
      runner.close();
      return sandbox.close();
    },
  };
}

export function benchShow(draft: Omit<ShowDraft, 'name' | 'notes' | 'preflightLeadMinutes'>): StoredShow {
  return { ...draft, name: 'Bench show', notes: '', preflightLeadMinutes: 0, id: 'bench', revision: 1, createdAt: '', updatedAt: '' };
}

export function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
