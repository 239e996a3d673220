import type { Cue } from '../../shared/shows/show-schema';
import type { ActionResult } from './cue-actions';
import { launchBefore, taskOf } from './cue-timing';
import type { RunRecord } from './run-record';

/**
 * Marks the cues due at show time `now` as firing and returns them. One later than `tooLateMs` is
 * missed instead (never fired late on its own); one on a task whose launch failed, is unknown or
 * has not happened is held; one whose task's Start is still on its way waits for that answer.
 */
export function markDue(run: RunRecord, now: number, tooLateMs: number, realNow: number): number[] {
  const due: number[] = [];
  run.cues.forEach((record, index) => {
    if (record.state !== 'waiting' || record.dueAt === null || record.dueAt > now) return;
    const launch = launchBefore(run, index)?.state ?? 'done';
    if (now - record.dueAt > tooLateMs) {
      record.state = 'missed';
    } else if (launch === 'firing') {
      return;
    } else if (launch !== 'done') {
      record.state = 'held';
      record.heldBy = taskOf(run.show.cues[index] as Cue);
    } else {
      due.push(index);
      Object.assign(record, { state: 'firing', firedAt: now, lateMs: now - record.dueAt, firedReal: realNow });
    }
  });
  // A missed cue shows how late it is now.
  for (const record of run.cues) if (record.state === 'missed' && record.dueAt !== null) record.lateMs = now - record.dueAt;
  return due;
}

/**
 * A cue answered. A launch that worked names the task's board id and frees the cues it held (still
 * ahead: re-armed; already passed: missed). One that failed or is unknown holds every later cue on
 * its task: nothing is retried blindly, the producer decides.
 */
export function settleCue(run: RunRecord, index: number, result: ActionResult, now: number): void {
  const cue = run.show.cues[index] as Cue;
  const record = run.cues[index];
  if (!record) return;
  record.state = result.state === 'started' ? 'done' : result.state;
  record.finishedAt = now;
  if (result.error) record.error = result.error;
  if (result.recordId) record.recordId = result.recordId;
  if (cue.action.kind !== 'launch') return;
  const task = cue.action.task;
  const laterOnTask = (at: number) => at > index && taskOf(run.show.cues[at] as Cue) === task;
  if (result.state === 'started' && result.recordId) {
    run.taskIds[task] = result.recordId;
    run.cues.forEach((other, at) => {
      if (!laterOnTask(at) || other.state !== 'held' || other.heldBy !== task) return;
      const waitsForGo = (run.show.cues[at] as Cue).trigger.kind === 'go';
      other.state = other.dueAt !== null && other.dueAt < now ? 'missed' : waitsForGo ? 'standby' : 'waiting';
      other.heldBy = undefined;
    });
    return;
  }
  run.cues.forEach((other, at) => {
    if (laterOnTask(at) && (other.state === 'waiting' || other.state === 'standby')) {
      other.state = 'held';
      other.heldBy = task;
    }
  });
}
