/**
 * The composition root: builds every service from a data dir, a clock and a secret store, and
 * returns the handlers the transports (Electron IPC, browser host) expose. Nothing here imports
 * electron, so the whole app runs and is tested under plain Node.
 */

import { release } from 'node:os';
import { accountsDocument } from '../accounts/accounts-document';
import { createAccounts } from '../accounts/create-accounts';
import { accountsLaunchPorts } from '../launch/accounts-ports';
import { createLaunchHandlers } from '../launch/launch-handlers';
import { LaunchService } from '../launch/launch-service';
import { createLogHandlers } from '../log/log-handlers';
import { TaskLog } from '../log/task-log';
import { mediaUseMarker } from '../media/mark-used';
import { mediaDocument } from '../media/media-document';
import { createMediaHandlers } from '../media/media-handlers';
import { MediaService } from '../media/media-service';
import { presetsDocument } from '../presets/preset-document';
import { PresetService } from '../presets/preset-service';
import { createPresetsHandlers } from '../presets/presets-handlers';
import { createDispatch, type Dispatch } from '../rpc/dispatch';
import type { Handlers } from '../rpc/handlers';
import { ReadThroughSecretStore } from '../secrets/read-through-store';
import type { SecretStore } from '../secrets/secret-store';
import { MemoryRecords } from '../storage/memory-records';
import { StoreProblems } from '../storage/store-problems';
import { SettingsService, settingsDocument } from '../system/settings-service';
import { createSystemHandlers } from '../system/system-handlers';
import { appScheduler, createRateLimiter, createTasksService, mediaPortsFrom, profileOfAppFrom } from '../tasks/create-tasks';
import { limitClient } from '../tasks/ingest-client';
import { presetItemLauncher } from '../tasks/launch-batch-item';
import { liveTasksRecords } from '../tasks/live-task-store';
import { TaskRegistry, tasksRecords } from '../tasks/task-registry';
import { taskStateOf } from '../tasks/task-state';
import { createTasksHandlers } from '../tasks/tasks-handlers';
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
}

export interface AppServices {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventBus;
  /** The task log; every service that calls the TRTC API gets it as its ApiCallRecorder. */
  log: TaskLog;
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
  const { open, openRecords } = stores;

  // What main read from the keychain stays in main: a launch then costs no keychain round trip.
  const secrets = new ReadThroughSecretStore(env.secrets);
  const settings = new SettingsService(await open(settingsDocument), events);
  const log = await TaskLog.open({ database: stores.database, clock, events, warn: env.warn });
  const accounts = await createAccounts({ open, secrets, events, clock, appVersion: appIdentity.version, recorder: log });
  const presets = new PresetService({ document: await open(presetsDocument), secrets, events, clock });
  // Deleting a library entry says which presets use it.
  const usage = { usersOf: async (id: string) => presets.usingMedia(id).map(({ id: presetId, name }) => ({ id: presetId, name })) };
  const media = new MediaService({ document: await open(mediaDocument), events, clock, usage });
  if (env.samples !== false) {
    // Named in the language the page opens in: the setting, else the OS's (Electron's locale, or Node's).
    const language = sampleLanguageOf(settings.get().language, env.locale ?? Intl.DateTimeFormat().resolvedOptions().locale);
    await seedFirstRun({ open, accounts: accounts.service, media, presets, clock, language });
  }
  // A launch or a source switch stamps the library entry it pushed as used ("Recently used").
  const mediaUsed = mediaUseMarker(media);
  const launchRecords = openRecords(tasksRecords);
  const registry = await TaskRegistry.open(launchRecords, clock);
  // A database from a newer version is never written: the board then keeps what polls and controls
  // learn in memory only, so the app starts and shows it; launches and every other write are refused.
  const liveTasks = stores.database.readOnly
    ? await MemoryRecords.copyOf(openRecords(liveTasksRecords), liveTasksRecords.recordSchema)
    : openRecords(liveTasksRecords);
  const scheduler = appScheduler(clock);
  // Every TRTC call of an account, whoever makes it (launch, batch, polls, controls), takes a token from this one limiter first.
  const limiter = createRateLimiter(scheduler);
  const launchPorts = accountsLaunchPorts({
    accounts: accounts.service,
    tickets: accounts.tickets,
    // A preset picks its own region, so launch signs with a client for that region (not the profile's default).
    clientFor: async (profileId, region) => limitClient(await accounts.clients.forProfile(profileId, region), profileId, limiter),
    mediaUrl: async (entryId) => media.get(entryId).url,
    mediaUsed,
  });
  const launch = new LaunchService({ presets, registry, ports: launchPorts, events });
  const tasks = await createTasksService({
    liveTasks,
    events,
    scheduler,
    limiter,
    ports: {
      clients: accounts.clients,
      records: registry,
      launchItem: presetItemLauncher({ presets, launch }),
      profileOfApp: profileOfAppFrom(accounts.service),
      ...mediaPortsFrom(media, mediaUsed),
    },
  });

  // The diagnostic bundle of a task holds the board's and the registry's view of it.
  // biome-ignore lint/correctness/useHookAtTopLevel: TaskLog's setter, not a React hook
  log.useTaskStateProvider({ taskState: (taskId) => taskStateOf({ store: tasks.store, records: registry }, taskId) });

  const handlers: Handlers = {
    system: createSystemHandlers({
      info: {
        appName: appIdentity.name,
        appVersion: appIdentity.version,
        platform: process.platform,
        versions: { node: process.versions.node, ...env.versions },
      },
      transport: env.transport,
      secrets,
      problems,
      settings,
      openExternal: env.openExternal,
    }),
    tasks: createTasksHandlers(tasks),
    accounts: accounts.handlers,
    media: createMediaHandlers(media),
    log: createLogHandlers({
      log,
      clock,
      environment: {
        appName: appIdentity.name,
        appVersion: appIdentity.version,
        os: { platform: process.platform, release: release(), arch: process.arch },
        versions: { node: process.versions.node, ...env.versions },
      },
    }),
    presets: createPresetsHandlers(presets),
    launch: createLaunchHandlers(launch),
  };

  const warn = env.warn ?? ((message: string) => console.warn(message));
  // Closing aborts every call's signal, so what the page started (probes, batches) stops first.
  const closing = new AbortController();
  const dispatch = createDispatch(handlers, {
    transport: env.transport,
    closing: closing.signal,
    onInternalError: (name, error) => warn(`[rpc] ${name} failed: ${error instanceof Error ? error.stack : String(error)}`),
  });

  return {
    handlers,
    dispatch,
    events,
    log,
    close: async () => {
      closing.abort();
      tasks.close();
      await Promise.all([launchRecords.close(), liveTasks.close()]);
      await accounts.close();
      await media.close();
      // Last, so the calls made while closing are recorded too.
      await log.close();
      stores.close();
    },
  };
}
