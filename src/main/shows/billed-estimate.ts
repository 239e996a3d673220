import type { BilledEstimate } from '../../shared/shows/preflight';
import type { StoredShow } from '../../shared/shows/show-schema';

/**
 * Minutes each task runs per the sheet: from its launch to the first cue after it that stops it
 * (its stop, a stop of its room, stop-all), else to the sheet's last planned time (open-ended: it
 * bills until someone stops it). Cues with no planned time (Go) count as not known: 0 minutes.
 */
export function billedEstimate(show: StoredShow, times: (number | null)[], live: (task: string) => boolean): BilledEstimate {
  const last = Math.max(...times.filter((time): time is number => time !== null));
  const rooms = new Map(show.tasks.map((task) => [task.name, task.roomId]));
  const perTask: BilledEstimate['perTask'] = [];
  const openEnded: string[] = [];
  show.cues.forEach((cue, index) => {
    if (cue.action.kind !== 'launch') return;
    const name = cue.action.task;
    const start = times[index];
    const stopAt = show.cues.findIndex((other, at) => {
      if (at <= index) return false;
      const { action } = other;
      return (
        (action.kind === 'stop' && action.task === name) ||
        action.kind === 'stopShow' ||
        (action.kind === 'stopRoom' && rooms.get(name) === action.roomId)
      );
    });
    const end = stopAt >= 0 ? times[stopAt] : Number.isFinite(last) ? last : null;
    if (stopAt < 0) openEnded.push(name);
    const minutes =
      start === null || start === undefined || end === null || end === undefined ? 0 : Math.ceil(Math.max(0, end - start) / 60_000);
    perTask.push({ task: name, minutes, live: live(name) });
  });
  return { totalMinutes: perTask.reduce((sum, task) => sum + task.minutes, 0), perTask, openEnded };
}
