/**
 * The app as `createAppServices` builds it (the same wiring, the real dispatch), with a user account
 * pointed at a local sandbox instead of the built-in one, short client timeouts and no background
 * polls, so a fault test can drive every action through the same code a click runs and still finish
 * quickly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PresetDraft } from '../../../shared/contract/presets';
import { sampleDraft } from '../../../shared/test-support/samples';
import { systemClock } from '../../app/clock';
import { type AppServices, createAppServices } from '../../app/create-services';
import type { TaskLog } from '../../log/task-log';
import type { Dispatch } from '../../rpc/dispatch';
import { startTrtcSandbox, type TrtcSandbox } from '../../sandbox';
import { app, credential } from '../../sandbox/test-support/fixture';
import { MemorySecretStore } from '../../secrets/memory-store';
import type { BackoffOptions } from '../retry-policy';
import type { TasksService } from '../tasks-service';

export interface FaultApp {
  sandbox: TrtcSandbox;
  dispatch: Dispatch;
  /** The app's event bus (a browser host over this app streams it). */
  events: AppServices['events'];
  /** Failures the dispatcher had to answer as INTERNAL (bugs, not faults). */
  bugs: string[];
  log: TaskLog;
  tasks: TasksService;
  /** A preset of the sandbox app (generated UserSig), ready to launch. */
  presetId: string;
  close(): Promise<void>;
}

export interface FaultAppOptions {
  /** The SDK's reqTimeout, in seconds: what a hang costs per attempt. */
  timeoutSeconds: number;
  backoff: BackoffOptions;
  /** Background polls (default: none during a test, every hour). */
  poll?: { minIntervalMs: number; maxIntervalMs: number };
  /** The dispatcher's call ids (default: random), for tests that look for them in the log. */
  callIds?: () => string;
}

/** The launch fields of the fault app's preset (another room: another task). */
export function faultDraft(patch: Partial<PresetDraft> = {}): PresetDraft {
  return sampleDraft({
    name: 'Fault show',
    sdkAppId: app.sdkAppId,
    media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=600' },
    ...patch,
  });
}

export async function startFaultApp(options: FaultAppOptions): Promise<FaultApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-faults-'));
  const sandbox = await startTrtcSandbox({ credentials: [credential], apps: [app], maxConcurrentTasksPerApp: 100 });
  const bugs: string[] = [];
  const services = await createAppServices({
    dataDir,
    secrets: new MemorySecretStore(),
    transport: 'browser',
    clock: systemClock,
    samples: false,
    warn: () => {},
    overrides: {
      builtInSandbox: false,
      clientTimeoutSeconds: options.timeoutSeconds,
      // No background poll during a cell: every Describe the sandbox sees is the one under test.
      tasks: { backoff: options.backoff, poll: options.poll ?? { minIntervalMs: 3_600_000, maxIntervalMs: 3_600_000 } },
      onInternalError: (name, error) => bugs.push(`${name}: ${String(error)}`),
      ...(options.callIds ? { newCallId: options.callIds } : {}),
    },
  });
  const { accounts, presets, tasks } = services.domains;
  // A user account (not the built-in one) whose custom endpoint is this sandbox.
  const profile = await accounts.addProfile({
    name: 'Fault sandbox',
    site: 'international',
    region: 'ap-singapore',
    endpoint: { scheme: 'http', host: '127.0.0.1', port: sandbox.port },
    secretId: credential.secretId,
    secretKey: credential.secretKey,
  });
  await accounts.addApp({
    sdkAppId: app.sdkAppId,
    label: 'Fault app',
    colour: '#3355ff',
    profileId: profile.id,
    defaults: { robotUserIdPrefix: 'robot_', userSigExpirySeconds: 600 },
    sdkSecretKey: app.sdkSecretKey,
  });
  const preset = await presets.create(faultDraft());

  return {
    sandbox,
    dispatch: services.dispatch,
    events: services.events,
    bugs,
    log: services.log,
    tasks,
    presetId: preset.id,
    close: async () => {
      await services.close();
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
