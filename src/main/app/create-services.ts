/**
 * The composition root: a list of domains, each built by its `create<Domain>(deps)` from the ports
 * it declares, in the order they open; it returns the handlers the transports (Electron IPC, browser
 * host) expose, and closes the domains in reverse. Nothing here imports electron, so the whole app
 * runs and is tested under plain Node.
 */

import { release } from 'node:os';
import { accountsDocument } from '../accounts/accounts-document';
import type { AccountsService } from '../accounts/accounts-service';
import { createAccounts } from '../accounts/create-accounts';
import { accountsLaunchPorts } from '../launch/accounts-ports';
import { createLaunch } from '../launch/create-launch';
import type { LaunchService } from '../launch/launch-service';
import { tasksRecords } from '../launch/task-registry';
import { createLog } from '../log/create-log';
import type { TaskLog } from '../log/task-log';
import { createMedia } from '../media/create-media';
import { mediaUseMarker } from '../media/mark-used';
import { mediaDocument } from '../media/media-document';
import type { MediaService } from '../media/media-service';
import { presetsMediaUsage } from '../media/media-usage';
import { createPresets } from '../presets/create-presets';
import { presetsDocument } from '../presets/preset-document';
import type { PresetService } from '../presets/preset-service';
import { createDispatch, type Dispatch, type DispatchOptions } from '../rpc/dispatch';
import type { Handlers } from '../rpc/handlers';
import { ReadThroughSecretStore } from '../secrets/read-through-store';
import type { SecretStore } from '../secrets/secret-store';
import { MemoryRecords } from '../storage/memory-records';
import { StoreProblems } from '../storage/store-problems';
import { createSystem } from '../system/create-system';
import { type SettingsService, settingsDocument } from '../system/settings-service';
import { appScheduler, createRateLimiter, createTasks, mediaPortsFrom, profileOfAppFrom } from '../tasks/create-tasks';
import { limitClient } from '../tasks/ingest-client';
import { presetItemLauncher } from '../tasks/launch-batch-item';
import { liveTasksRecords } from '../tasks/live-task-store';
import { taskStateOf } from '../tasks/task-state';
import type { TasksService, TasksServiceDeps } from '../tasks/tasks-service';
import { appIdentity } from './app-identity';
import { type Clock, systemClock } from './clock';
import { EventBus } from './event-bus';
import { firstRunDocument, sampleLanguageOf } from './first-run';
import { seedFirstRun } from './first-run-wiring';
import { openStores, type Stores } from './open-stores';
import { quietSdkWarnings } from './sdk-warnings';

export interface AppEnvironment {
  dataDir: string;
  secrets: SecretStore;
  transport: 'electron' | 'browser';
  clock?: Clock;
  versions?: Record<string, string>;
  openExternal?: (url: string) => Promise<void>;
  /** Diagnostics for the developer console; never given a secret or a call's input. */
  warn?: (message: string) => void;
  /** The OS's locale (Electron's app.getLocale()); Node's Intl locale when absent. */
  locale?: string;
  /** Seed the sample media entry and preset on a first start (default true; e2e specs turn it off). */
  samples?: boolean;
  /** What a test rig replaces (the fault matrix); the app itself never passes it. */
  overrides?: AppOverrides;
}

export interface AppOverrides {
  /** No built-in sandbox account: the rig adds its own. */
  builtInSandbox?: boolean;
  /** The SDK's reqTimeout in seconds: what a hang costs per attempt. */
  clientTimeoutSeconds?: number;
  /** The board's retry backoff and poll intervals. */
  tasks?: Pick<TasksServiceDeps, 'backoff' | 'poll'>;
  /** Told about calls answered INTERNAL (by default they go to `warn`). */
  onInternalError?: DispatchOptions['onInternalError'];
}

/** Each domain's service, for the entry points' and test rigs' direct use. */
export interface AppDomains {
  system: SettingsService;
  log: TaskLog;
  accounts: AccountsService;
  presets: PresetService;
  media: MediaService;
  launch: LaunchService;
  tasks: TasksService;
}

export interface AppServices {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventBus;
  /** The task log; every service that calls the TRTC API gets it as its ApiCallRecorder. */
  log: TaskLog;
  domains: AppDomains;
  close(): Promise<void>;
}

export async function createAppServices(env: AppEnvironment): Promise<AppServices> {
  quietSdkWarnings();
  const clock = env.clock ?? systemClock;
  const events = new EventBus();
  const problems = new StoreProblems();
  // Every record kind lives in one SQLite database; the first start after an upgrade imports the JSON files.
  const stores = openStores({
    dataDir: env.dataDir,
    clock,
    problems,
    documents: [settingsDocument, accountsDocument, presetsDocument, mediaDocument, firstRunDocument],
    records: [tasksRecords, liveTasksRecords],
  });
  // The page shows it as a store notice; the terminal hears it once too.
  for (const notice of problems.list().filter((problem) => problem.kind === 'imported')) {
    (env.warn ?? console.warn)(`[storage] ${notice.message}.`);
  }
  try {
    return await buildServices(env, clock, events, problems, stores);
  } catch (error) {
    // A start that fails half way lets go of the database (and its lock) before it says why.
    stores.close();
    throw error;
  }
}

async function buildServices(
  env: AppEnvironment,
  clock: Clock,
  events: EventBus,
  problems: StoreProblems,
  stores: Stores,
): Promise<AppServices> {
  const { database, open, openRecords } = stores;
  const overrides = env.overrides ?? {};
  const warn = env.warn ?? ((message: string) => console.warn(message));
  const versions = { node: process.versions.node, ...env.versions };
  // In the order they open; close() lets go of them in reverse.
  const opened: { close(): Promise<void> }[] = [];
  const own = <Part extends { close(): Promise<void> }>(part: Part): Part => {
    opened.push(part);
    return part;
  };

  // What main read from the keychain stays in main: a launch then costs no keychain round trip.
  const secrets = new ReadThroughSecretStore(env.secrets);

  const system = own(
    createSystem({
      document: await open(settingsDocument),
      events,
      info: { appName: appIdentity.name, appVersion: appIdentity.version, platform: process.platform, versions },
      transport: env.transport,
      secrets,
      problems,
      openExternal: env.openExternal ?? null,
    }),
  );

  const log = own(
    await createLog({
      database,
      clock,
      events,
      warn: env.warn ?? (() => {}),
      environment: {
        appName: appIdentity.name,
        appVersion: appIdentity.version,
        os: { platform: process.platform, release: release(), arch: process.arch },
        versions,
      },
    }),
  );

  const accounts = own(
    await createAccounts({
      document: await open(accountsDocument),
      secrets,
      events,
      clock,
      appVersion: appIdentity.version,
      recorder: log.service,
      ...(overrides.builtInSandbox === false ? { builtInSandbox: false } : {}),
      ...(overrides.clientTimeoutSeconds ? { clientTimeoutSeconds: overrides.clientTimeoutSeconds } : {}),
    }),
  );

  const presets = own(createPresets({ document: await open(presetsDocument), secrets, events, clock }));

  // Deleting a library entry says which presets use it.
  const media = own(createMedia({ document: await open(mediaDocument), events, clock, usage: presetsMediaUsage(presets.service) }));

  if (env.samples !== false) {
    // Named in the language the page opens in: the setting, else the OS's (Electron's locale, or Node's).
    const language = sampleLanguageOf(system.service.get().language, env.locale ?? Intl.DateTimeFormat().resolvedOptions().locale);
    await seedFirstRun({ open, accounts: accounts.service, media: media.service, presets: presets.service, clock, language });
  }

  // Shared by launch and the board: one scheduler, and one limiter that every TRTC call of an
  // account (launch, batch, polls, controls) takes a token from first.
  const scheduler = appScheduler(clock);
  const limiter = createRateLimiter(scheduler);
  // A launch or a source switch stamps the library entry it pushed as used ("Recently used").
  const mediaUsed = mediaUseMarker(media.service);

  const launch = own(
    await createLaunch({
      records: openRecords(tasksRecords),
      clock,
      events,
      presets: presets.service,
      ports: accountsLaunchPorts({
        accounts: accounts.service,
        tickets: accounts.tickets,
        // A preset picks its own region, so launch signs with a client for that region (not the profile's default).
        clientFor: async (profileId, region) => limitClient(await accounts.clients.forProfile(profileId, region), profileId, limiter),
        mediaUrl: async (entryId) => media.service.get(entryId).url,
        mediaUsed,
      }),
    }),
  );

  const tasks = own(
    await createTasks({
      // A database from a newer version is never written: the board then keeps what polls and controls
      // learn in memory only, so the app starts and shows it; launches and every other write are refused.
      liveTasks: database.readOnly
        ? await MemoryRecords.copyOf(openRecords(liveTasksRecords), liveTasksRecords.recordSchema)
        : openRecords(liveTasksRecords),
      events,
      scheduler,
      limiter,
      clients: accounts.clients,
      records: launch.registry,
      launchItem: presetItemLauncher({ presets: presets.service, launch: launch.service }),
      profileOfApp: profileOfAppFrom(accounts.service),
      ...mediaPortsFrom(media.service, mediaUsed),
      ...overrides.tasks,
    }),
  );
  // The diagnostic bundle of a task holds the board's and the registry's view of it (given to the
  // log now: the log is built first, so every call is recorded).
  // biome-ignore lint/correctness/useHookAtTopLevel: TaskLog's setter, not a React hook
  log.service.useTaskStateProvider({
    taskState: (taskId) => taskStateOf({ store: tasks.service.store, records: launch.registry }, taskId),
  });

  const handlers: Handlers = {
    system: system.handlers,
    log: log.handlers,
    accounts: accounts.handlers,
    presets: presets.handlers,
    media: media.handlers,
    launch: launch.handlers,
    tasks: tasks.handlers,
  };
  const dispatch = createDispatch(handlers, {
    onInternalError:
      overrides.onInternalError ?? ((name, error) => warn(`[rpc] ${name} failed: ${error instanceof Error ? error.stack : String(error)}`)),
  });

  return {
    handlers,
    dispatch,
    events,
    log: log.service,
    domains: {
      system: system.service,
      log: log.service,
      accounts: accounts.service,
      presets: presets.service,
      media: media.service,
      launch: launch.service,
      tasks: tasks.service,
    },
    close: async () => {
      // The log was opened second: the calls made while the others close are recorded too.
      for (const part of [...opened].reverse()) await part.close();
      stores.close();
    },
  };
}
