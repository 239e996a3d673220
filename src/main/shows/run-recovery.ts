import type { RunRecord } from './run-record';
import type { LaunchRecordBrief } from './shows-ports';

/**
 * A cue caught mid-fire by a crash. A launch cue is resolved against the launch records: a record
 * written before its Start (same app, room and robot, since the cue began firing) means the Start
 * was sent or may have been, so it is never fired again: started is done, failed is failed, pending
 * or unknown is unknown (its task's cues are held). No record: the Start never left, and the cue is
 * missed like any other (the producer decides). Any other action caught mid-fire is missed too.
 */
export function resolveAfterRestart(run: RunRecord, records: LaunchRecordBrief[]): void {
  run.show.cues.forEach((cue, index) => {
    const record = run.cues[index];
    if (record?.state !== 'firing') return;
    const planned = record.planned;
    const since = record.firedReal ?? 0;
    const match =
      cue.action.kind === 'launch' && planned
        ? records.find(
            (launch) =>
              launch.createdAt >= since - 1000 &&
              launch.sdkAppId === planned.sdkAppId &&
              launch.roomId === planned.roomId &&
              launch.userId === planned.userId &&
              !run.cues.some((other) => other.recordId === launch.id),
          )
        : undefined;
    if (!match) {
      record.state = 'missed';
      return;
    }
    record.recordId = match.id;
    record.finishedAt = record.firedAt;
    if (match.state === 'started') {
      record.state = 'done';
      if (cue.action.kind === 'launch') run.taskIds[cue.action.task] = match.id;
    } else {
      record.state = match.state === 'failed' ? 'failed' : 'unknown';
      record.error = {
        code: match.state === 'failed' ? 'LAUNCH_FAILED' : 'OUTCOME_UNKNOWN',
        message: 'Found after a restart: see the launch record.',
      };
      const task = cue.action.kind === 'launch' ? cue.action.task : undefined;
      run.show.cues.forEach((other, at) => {
        const later = run.cues[at];
        if (
          later &&
          at > index &&
          'task' in other.action &&
          other.action.task === task &&
          (later.state === 'waiting' || later.state === 'standby')
        ) {
          later.state = 'held';
          later.heldBy = task;
        }
      });
    }
  });
}
