/**
 * The app's TRTC side wired as `createAppServices` wires it (task log, accounts, tickets, presets,
 * launch, task board, one limiter, the launch and tasks RPC handlers behind the real dispatch), with
 * a user account pointed at a local sandbox and short client timeouts, so a fault test can drive
 * every action through the same code a click runs and still finish quickly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PresetDraft } from '../../../shared/contract/presets';
import { createAccounts } from '../../accounts/create-accounts';
import { TrtcClients } from '../../accounts/trtc-clients';
import { systemClock } from '../../app/clock';
import { EventBus } from '../../app/event-bus';
import { openStores } from '../../app/open-stores';
import { accountsLaunchPorts } from '../../launch/accounts-ports';
import { createLaunchHandlers } from '../../launch/launch-handlers';
import { LaunchService } from '../../launch/launch-service';
import { TaskLog } from '../../log/task-log';
import { presetsDocument } from '../../presets/preset-document';
import { PresetService } from '../../presets/preset-service';
import { sampleDraft } from '../../presets/sample-draft';
import { createDispatch, type Dispatch } from '../../rpc/dispatch';
import type { Handlers } from '../../rpc/handlers';
import { startTrtcSandbox, type TrtcSandbox } from '../../sandbox';
import { app, credential } from '../../sandbox/test-support/fixture';
import { MemorySecretStore } from '../../secrets/memory-store';
import { StoreProblems } from '../../storage/store-problems';
import { appScheduler, createRateLimiter, createTasksService, profileOfAppFrom } from '../create-tasks';
import { limitClient } from '../ingest-client';
import { presetItemLauncher } from '../launch-batch-item';
import { liveTasksRecords } from '../live-task-store';
import type { BackoffOptions } from '../retry-policy';
import { TaskRegistry, tasksRecords } from '../task-registry';
import { createTasksHandlers } from '../tasks-handlers';
import type { TasksService } from '../tasks-service';

export interface FaultApp {
  sandbox: TrtcSandbox;
  dispatch: Dispatch;
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
  const clock = systemClock;
  const events = new EventBus();
  const problems = new StoreProblems();
  const secrets = new MemorySecretStore();
  // The app's own database, as createAppServices opens it.
  const stores = openStores({ dataDir, clock, problems, documents: [], records: [] });
  const { open, openRecords } = stores;
  const appVersion = 'fault-matrix';

  const log = await TaskLog.open({ database: stores.database, clock, events, warn: () => {} });
  const accounts = await createAccounts({ open, secrets, events, clock, appVersion, builtInSandbox: false, recorder: log });
  // A user account (not the built-in one) whose custom endpoint is this sandbox.
  const profile = await accounts.service.addProfile({
    name: 'Fault sandbox',
    site: 'international',
    region: 'ap-singapore',
    endpoint: { scheme: 'http', host: '127.0.0.1', port: sandbox.port },
    secretId: credential.secretId,
    secretKey: credential.secretKey,
  });
  await accounts.service.addApp({
    sdkAppId: app.sdkAppId,
    label: 'Fault app',
    colour: '#3355ff',
    profileId: profile.id,
    defaults: { robotUserIdPrefix: 'robot_', userSigExpirySeconds: 600 },
    sdkSecretKey: app.sdkSecretKey,
  });
  // The same clients as accounts.clients, with the short timeout.
  const clients = new TrtcClients({ accounts: accounts.service, recorder: log, appVersion, clock, timeoutSeconds: options.timeoutSeconds });

  const presets = new PresetService({ document: await open(presetsDocument), secrets, events, clock });
  const registry = await TaskRegistry.open(await openRecords(tasksRecords), clock);
  const scheduler = appScheduler(clock);
  const limiter = createRateLimiter(scheduler);
  const launchPorts = accountsLaunchPorts({
    accounts: accounts.service,
    tickets: accounts.tickets,
    clientFor: async (profileId, region) => limitClient(await clients.forProfile(profileId, region), profileId, limiter),
    mediaUrl: async () => {
      throw new Error('the fault presets use URLs');
    },
  });
  const launch = new LaunchService({ presets, registry, ports: launchPorts, events });
  const tasks = await createTasksService({
    liveTasks: await openRecords(liveTasksRecords),
    events,
    scheduler,
    limiter,
    ports: {
      clients,
      records: registry,
      launchItem: presetItemLauncher({ presets, launch }),
      profileOfApp: profileOfAppFrom(accounts.service),
      mediaUrl: async (entryId) => {
        throw new Error(`no media library here (${entryId})`);
      },
      backoff: options.backoff,
      // No background poll during a cell: every Describe the sandbox sees is the one under test.
      poll: options.poll ?? { minIntervalMs: 3_600_000, maxIntervalMs: 3_600_000 },
    },
  });
  const handlers = { launch: createLaunchHandlers(launch), tasks: createTasksHandlers(tasks) } as Partial<Handlers> as Handlers;
  const bugs: string[] = [];
  const dispatch = createDispatch(handlers, {
    onInternalError: (name, error) => bugs.push(`${name}: ${String(error)}`),
    ...(options.callIds ? { newCallId: options.callIds } : {}),
  });
  const preset = await presets.create(faultDraft());

  return {
    sandbox,
    dispatch,
    bugs,
    log,
    tasks,
    presetId: preset.id,
    close: async () => {
      tasks.close();
      clients.close();
      await accounts.close();
      await log.close();
      stores.close();
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
