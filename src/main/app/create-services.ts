/**
 * The composition root: a list of domains, each built by its `create<Domain>(deps)` from the ports
 * it declares, in the order they open; it returns the handlers the transports (Electron IPC, browser
 * host) expose, and closes the domains in reverse. Nothing here imports electron, so the whole app
 * runs and is tested under plain Node.
 */

import { release } from 'node:os';
import { accountsDocument } from '../accounts/accounts-document';
import { createAccounts } from '../accounts/create-accounts';
import { accountsLaunchPorts } from '../launch/accounts-ports';
import { createLaunch } from '../launch/create-launch';
import { tasksRecords } from '../launch/task-registry';
import { createLog } from '../log/create-log';
import { createMedia } from '../media/create-media';
import { mediaUseMarker } from '../media/mark-used';
import { mediaDocument } from '../media/media-document';
import { presetsMediaUsage } from '../media/media-usage';
import { createPresets } from '../presets/create-presets';
import { presetsDocument } from '../presets/preset-document';
import { createDispatch } from '../rpc/dispatch';
import type { Handlers } from '../rpc/handlers';
import { ReadThroughSecretStore } from '../secrets/read-through-store';
import { createShows } from '../shows/create-shows';
import { showRunsRecords } from '../shows/run-record';
import { showsDocument } from '../shows/show-document';
import { MemoryRecords } from '../storage/memory-records';
import { StoreProblems } from '../storage/store-problems';
import { createSystem } from '../system/create-system';
import { settingsDocument } from '../system/settings-service';
import { appScheduler, createRateLimiter, createTasks, mediaPortsFrom, profileOfAppFrom } from '../tasks/create-tasks';
import { limitClient, runInLane } from '../tasks/ingest-client';
import { presetItemIsLive, presetItemLauncher } from '../tasks/launch-batch-item';
import { liveTasksRecords } from '../tasks/live-task-store';
import { taskStateOf } from '../tasks/task-state';
import type { AppEnvironment, AppServices } from './app-environment';
import { appIdentity } from './app-identity';
import { type Clock, systemClock } from './clock';
import { EventBus } from './event-bus';
import { firstRunDocument, sampleLanguageOf } from './first-run';
import { seedFirstRun } from './first-run-wiring';
import { openStores, type Stores } from './open-stores';
import { quietSdkWarnings } from './sdk-warnings';
import { noPowerEvents, showsPortsFrom, stayAwakeNowhere } from './shows-wiring';

export type { AppEnvironment, AppServices } from './app-environment';

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
    documents: [settingsDocument, accountsDocument, presetsDocument, mediaDocument, firstRunDocument, showsDocument],
    records: [tasksRecords, liveTasksRecords, showRunsRecords],
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

  // What main read from the keychain stays in main: a launch then costs no keychain round trip.
  const secrets = new ReadThroughSecretStore(env.secrets);

  const system = createSystem({
    document: await open(settingsDocument),
    events,
    info: { appName: appIdentity.name, appVersion: appIdentity.version, platform: process.platform, versions },
    transport: env.transport,
    secrets,
    problems,
    openExternal: env.openExternal ?? null,
  });

  const log = await createLog({
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
  });

  const accounts = await createAccounts({
    document: await open(accountsDocument),
    secrets,
    events,
    clock,
    appVersion: appIdentity.version,
    recorder: log.service,
    builtInSandbox: overrides.builtInSandbox !== false,
    clientTimeoutSeconds: overrides.clientTimeoutSeconds,
  });

  const presets = createPresets({ document: await open(presetsDocument), secrets, events, clock });

  // Deleting a library entry says which presets use it.
  const media = createMedia({ document: await open(mediaDocument), events, clock, usage: presetsMediaUsage(presets.service) });

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

  // Shows make the tickets a launch would (pre-flight) with the same ports.
  const launchPorts = accountsLaunchPorts({
    accounts: accounts.service,
    tickets: accounts.tickets,
    // A preset picks its own region, so launch signs with a client for that region (not the profile's default).
    clientFor: async (profileId, region) => limitClient(await accounts.clients.forProfile(profileId, region), profileId, limiter),
    mediaUrl: async (entryId) => media.service.get(entryId).url,
    mediaUsed,
  });
  const launch = await createLaunch({
    records: openRecords(tasksRecords),
    clock,
    events,
    presets: presets.service,
    ports: launchPorts,
  });

  const tasks = await createTasks({
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
    itemIsLive: presetItemIsLive({ presets: presets.service, launch: launch.service }),
    profileOfApp: profileOfAppFrom(accounts.service),
    ...mediaPortsFrom(media.service, mediaUsed),
    ...overrides.tasks,
  });
  // The diagnostic bundle of a task holds the board's and the registry's view of it (given to the
  // log now: the log is built first, so every call is recorded).
  // biome-ignore lint/correctness/useHookAtTopLevel: TaskLog's setter, not a React hook
  log.service.useTaskStateProvider({
    taskState: (taskId) => taskStateOf({ store: tasks.service.store, records: launch.registry }, taskId),
  });

  // Shows: run-sheets whose cues launch presets and drive the board's controls, on the same scheduler and limiter.
  const shows = await createShows({
    document: await open(showsDocument),
    runs: openRecords(showRunsRecords),
    events,
    scheduler,
    inLane: runInLane,
    keepAwake: env.power?.keepAwake ?? stayAwakeNowhere,
    power: env.power?.events ?? noPowerEvents,
    ...showsPortsFrom({
      presets: presets.service,
      launch: launch.service,
      launchPorts,
      registry: launch.registry,
      tasks: tasks.service,
      accounts: accounts.service,
      clients: accounts.clients,
      sandbox: accounts.sandbox,
      media: media.service,
      limiter,
      clock,
    }),
  });

  const handlers: Handlers = {
    system: system.handlers,
    log: log.handlers,
    accounts: accounts.handlers,
    presets: presets.handlers,
    media: media.handlers,
    launch: launch.handlers,
    tasks: tasks.handlers,
    shows: shows.handlers,
  };
  // Closing aborts every call's signal, so what the page started (probes, batches) stops first.
  const closing = new AbortController();
  const dispatch = createDispatch(handlers, {
    transport: env.transport,
    closing: closing.signal,
    onInternalError:
      overrides.onInternalError ?? ((name, error) => warn(`[rpc] ${name} failed: ${error instanceof Error ? error.stack : String(error)}`)),
    ...(overrides.newCallId ? { newCallId: overrides.newCallId } : {}),
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
      closing.abort();
      // In reverse order of creation: the log, opened second, still records the calls made while the others close.
      for (const domain of [system, log, accounts, presets, media, launch, tasks, shows].reverse()) await domain.close();
      stores.close();
    },
  };
}
