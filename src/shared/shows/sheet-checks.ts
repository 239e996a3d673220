import { plannedTimes } from './planned-times';
import type { PreflightProblem } from './preflight';
import type { ShowDraft } from './show-schema';

/**
 * What can be told from the sheet alone (the page shows these as the producer types; pre-flight
 * repeats them): an empty show, a cue naming a task the show lacks or acting on one never launched
 * before it, two cues on one task in the same second, offsets with no planned start.
 */
export function sheetProblems(draft: Pick<ShowDraft, 'cues' | 'tasks' | 'plannedStart'>): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  if (draft.cues.length === 0) problems.push({ severity: 'blocking', code: 'empty', fix: 'addCue' });
  const names = new Set(draft.tasks.map((task) => task.name));
  const launched = new Set<string>();
  const times = plannedTimes(draft);
  const seen = new Map<string, string>();
  draft.cues.forEach((cue, index) => {
    const task = 'task' in cue.action ? cue.action.task : undefined;
    if (task !== undefined && !names.has(task)) {
      problems.push({ severity: 'blocking', code: 'unknownTask', cueId: cue.id, task, fix: 'addTaskOrRename' });
      return;
    }
    if (cue.action.kind === 'launch') launched.add(cue.action.task);
    else if (task !== undefined && !launched.has(task)) {
      problems.push({ severity: 'blocking', code: 'taskNeverLaunched', cueId: cue.id, task, fix: 'launchBefore' });
    }
    const time = times[index];
    if (task !== undefined && time !== null && time !== undefined) {
      const key = `${task}\n${Math.floor(time / 1000)}`;
      const other = seen.get(key);
      if (other !== undefined) {
        problems.push({ severity: 'warning', code: 'sameSecondOnTask', cueId: cue.id, task, params: { other }, fix: 'spaceCues' });
      } else seen.set(key, cue.id);
    }
  });
  if (draft.plannedStart === undefined && draft.cues.some((cue) => cue.trigger.kind === 'offset')) {
    problems.push({ severity: 'warning', code: 'noPlannedStart', fix: 'setPlannedStart' });
  }
  return problems;
}
