import type { RunMode, RunSpeed, ShowRun } from '../../shared/shows/run-state';
import type { Cue, StoredShow } from '../../shared/shows/show-schema';
import { nextCueId, taskOf } from './cue-timing';
import type { CueRecord, RunRecord } from './run-record';
import type { LaunchTarget } from './shows-ports';

export function skip(record: CueRecord, now: number): void {
  record.state = 'skipped';
  record.finishedAt = now;
  record.heldBy = undefined;
}

/** A task whose preset is gone still gets a record; pre-flight has said why it cannot launch. */
export function fallbackTarget(mode: RunMode): LaunchTarget {
  return { sdkAppId: 0, roomId: '', userId: '', live: mode === 'live' };
}

/**
 * A run as armed. Live: show time is real time, and the show starts at its planned start (else at
 * the first Go). Rehearsal: show time stands at the show's first moment until the first Go.
 */
export function newRun(options: {
  id: string;
  show: StoredShow;
  mode: RunMode;
  speed: RunSpeed;
  overridden: boolean;
  targets: Map<string, LaunchTarget>;
  now: number;
}): RunRecord {
  const { show, mode, now } = options;
  const planned = show.plannedStart === undefined ? null : Date.parse(show.plannedStart);
  const firstAt = Math.min(
    ...show.cues.flatMap((cue) => (cue.trigger.kind === 'at' ? [Date.parse(cue.trigger.at)] : [])),
    planned ?? Number.POSITIVE_INFINITY,
  );
  const clock =
    mode === 'live'
      ? { realBase: now, showBase: now, speed: 1 as const, running: true }
      : { realBase: now, showBase: Number.isFinite(firstAt) ? firstAt : now, speed: options.speed, running: false };
  return {
    id: options.id,
    show,
    mode,
    state: 'armed',
    armedAt: now,
    startedAt: mode === 'live' ? planned : null,
    clock,
    cues: show.cues.map((cue) => cueRecordOf(cue, options.targets.get(taskOf(cue) ?? ''), mode)),
    taskIds: {},
    overridden: options.overridden,
  };
}

function cueRecordOf(cue: Cue, target: LaunchTarget | undefined, mode: RunMode): CueRecord {
  const record: CueRecord = {
    cueId: cue.id,
    state: cue.trigger.kind === 'go' ? 'standby' : 'waiting',
    dueAt: null,
    target: mode === 'rehearsal' || target?.live === false ? 'sandbox' : 'live',
  };
  if (cue.action.kind === 'launch' && target) record.planned = { sdkAppId: target.sdkAppId, roomId: target.roomId, userId: target.userId };
  return record;
}

/** What the page gets: the run without the restart bookkeeping. */
export function viewOf(run: RunRecord): ShowRun {
  return {
    runId: run.id,
    showId: run.show.id,
    showName: run.show.name,
    revision: run.show.revision,
    mode: run.mode,
    state: run.state,
    armedAt: run.armedAt,
    startedAt: run.startedAt,
    clock: run.clock,
    cues: run.cues.map(({ finishedAt: _f, firedReal: _r, planned: _p, recordId: _i, ...cue }) => dropUndefined(cue)),
    nextCueId: nextCueId(run),
    taskIds: run.taskIds,
    ...(run.recoveredAt === undefined ? {} : { recoveredAt: run.recoveredAt }),
    overridden: run.overridden,
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
