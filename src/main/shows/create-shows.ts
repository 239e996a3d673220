import type { DomainParts } from '../app/domain';
import type { EventBus } from '../app/event-bus';
import type { RecordStore } from '../storage/record-store';
import type { StoredDocument } from '../storage/stored-document';
import { AutoPreflight } from './auto-preflight';
import type { RunRecord } from './run-record';
import type { ShowsFile } from './show-document';
import { ShowLibrary } from './show-library';
import { ShowRunner } from './show-runner';
import { ShowService } from './show-service';
import type {
  ControlsPort,
  KeepAwakePort,
  Lane,
  LaunchPort,
  PowerEventsPort,
  PreflightPort,
  PresetsPort,
  SandboxFaultsPort,
  ShowScheduler as Scheduler,
} from './shows-ports';
import { watchForGaps } from './sleep-watch';

export interface ShowsDeps {
  document: StoredDocument<ShowsFile>;
  /** The runs, written before each cue fires (rows of the app's database). */
  runs: RecordStore<RunRecord>;
  events: EventBus;
  /** The app's clock and timers (the tasks domain's scheduler). */
  scheduler: Scheduler;
  presets: PresetsPort;
  preflight: PreflightPort;
  launch: LaunchPort;
  controls: ControlsPort;
  keepAwake: KeepAwakePort;
  power: PowerEventsPort;
  faults: SandboxFaultsPort;
  /** The tasks domain's runInLane: a cue's calls take the limiter's lane it says. */
  inLane: <T>(lane: Lane, work: () => Promise<T>) => Promise<T>;
}

export interface ShowsService {
  library: ShowLibrary;
  runner: ShowRunner;
  shows: ShowService;
}

/**
 * The shows domain: saved run-sheets, their pre-flight (by hand, and by itself before the first
 * timed cue) and one armed run, picked up again after a restart, a sleep or a clock jump.
 */
export async function createShows(deps: ShowsDeps): Promise<DomainParts<'shows', ShowsService>> {
  const { events, scheduler } = deps;
  const library = new ShowLibrary({ document: deps.document, presets: deps.presets, events, clock: scheduler });
  const runner = new ShowRunner({
    runs: deps.runs,
    scheduler,
    events,
    launch: deps.launch,
    controls: deps.controls,
    keepAwake: deps.keepAwake,
    inLane: deps.inLane,
  });
  const shows = new ShowService({
    library,
    runner,
    scheduler,
    events,
    presets: deps.presets,
    preflight: deps.preflight,
    faults: deps.faults,
  });
  await runner.restore();

  const auto = new AutoPreflight(scheduler, (show) => shows.preflight(show.id, 'live', 'automatic'));
  const replan = () => auto.plan(deps.document.value.shows);
  replan();
  const unsubscribe = events.subscribe((event) => {
    if (event === 'shows.changed') replan();
  });
  const recover = () => void runner.recover().catch(() => undefined);
  const stopWatching = watchForGaps(scheduler, recover);
  const stopListening = deps.power.onResume(recover);

  return {
    service: { library, runner, shows },
    handlers: {
      list: () => library.list(),
      get: ({ id }) => library.get(id),
      save: ({ id, revision, draft }) => library.save(draft, id, revision),
      duplicate: ({ id }) => library.duplicate(id),
      remove: ({ id }) => library.remove(id),
      exportJson: ({ ids }) => library.exportJson(ids),
      importJson: ({ json }) => library.importJson(json),
      exportCsv: ({ id }) => shows.exportCsv(id),
      importCsv: ({ csv, ...base }) => shows.importCsv(csv, base),
      // The probes stop when the caller goes away (its window closed) or the app closes.
      preflight: ({ id, mode }, context) => shows.preflight(id, mode, 'manual', context.signal),
      lastPreflight: ({ id }) => shows.lastPreflight(id),
      arm: ({ id, mode, speed, override, confirmLive }) =>
        shows.arm(id, mode, speed, { override: override ?? false, confirmLive: confirmLive ?? false }),
      run: () => runner.view(),
      go: ({ id }) => shows.running(id).go(),
      hold: ({ id }) => shows.running(id).hold(),
      resume: ({ id }) => shows.running(id).resume(),
      skip: ({ id, cueId }) => shows.running(id).skip(cueId),
      jump: ({ id, cueId }) => shows.running(id).jump(cueId),
      fire: ({ id, cueId }) => shows.running(id).fire(cueId),
      disarm: ({ id, stopTasks }) => shows.disarm(id, stopTasks ?? false),
      setFault: ({ id, action, rule }) => shows.setFault(id, action, rule),
    },
    close: async () => {
      unsubscribe();
      stopWatching();
      stopListening();
      auto.close();
      runner.close();
      await deps.runs.close();
    },
  };
}
