import type { Cue } from '../../shared/shows/show-schema';
import type { CueRecord, RunRecord } from './run-record';

// A cue's action counts as finished (an `after` cue may count from it) once it answered either way, or was skipped.
const finished = new Set(['done', 'failed', 'unknown', 'skipped']);

/**
 * When each cue is due, in show time: `at` at its time, `offset` from the show's start (null before
 * it started), `after` from the previous cue's finish (null until then), `go` never (it waits for Go).
 */
export function dueAtOf(run: Pick<RunRecord, 'show' | 'startedAt' | 'cues'>, index: number): number | null {
  const cue = run.show.cues[index] as Cue;
  switch (cue.trigger.kind) {
    case 'at':
      return Date.parse(cue.trigger.at);
    case 'offset':
      return run.startedAt === null ? null : run.startedAt + cue.trigger.seconds * 1000;
    case 'after': {
      if (index === 0) return run.startedAt === null ? null : run.startedAt + cue.trigger.seconds * 1000;
      const previous = run.cues[index - 1] as CueRecord;
      if (!finished.has(previous.state) || previous.finishedAt === undefined) return null;
      return previous.finishedAt + cue.trigger.seconds * 1000;
    }
    case 'go':
      return null;
  }
}

/** Refreshes every still-to-fire cue's due time (a finish or the show's start makes `offset`/`after` ones known). */
export function refreshDueTimes(run: RunRecord): void {
  run.cues.forEach((record, index) => {
    if (record.state === 'waiting') record.dueAt = dueAtOf(run, index);
  });
}

/** The task a cue acts on, if it acts on one task. */
export function taskOf(cue: Cue): string | undefined {
  return 'task' in cue.action ? cue.action.task : undefined;
}

/**
 * The launch cue a cue depends on: the last launch of its task before it in the sheet. A cue on a
 * task whose launch failed, is unknown or has not happened is held rather than sent.
 */
export function launchBefore(run: RunRecord, index: number): CueRecord | undefined {
  const task = taskOf(run.show.cues[index] as Cue);
  if (task === undefined) return undefined;
  for (let at = index - 1; at >= 0; at--) {
    const cue = run.show.cues[at] as Cue;
    if (cue.action.kind === 'launch' && cue.action.task === task) return run.cues[at];
  }
  return undefined;
}

/** The first cue still to fire, in sheet order. */
export function nextCueId(run: RunRecord): string | null {
  return (
    run.cues.find((cue) => cue.state === 'waiting' || cue.state === 'standby' || cue.state === 'held' || cue.state === 'missed')?.cueId ??
    null
  );
}
