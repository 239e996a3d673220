import type { ShowDraft } from './show-schema';

/**
 * When each cue is planned to fire, read off the sheet (epoch ms; null when it cannot be known
 * beforehand: a Go cue, a cue after one, an offset with no planned start). An `after` cue counts
 * from its previous cue's planned time, as if actions took no time.
 */
export function plannedTimes(draft: Pick<ShowDraft, 'cues' | 'plannedStart'>): (number | null)[] {
  const start = draft.plannedStart === undefined ? null : Date.parse(draft.plannedStart);
  const times: (number | null)[] = [];
  draft.cues.forEach((cue, index) => {
    const previous = index === 0 ? start : (times[index - 1] ?? null);
    const { trigger } = cue;
    if (trigger.kind === 'at') times.push(Date.parse(trigger.at));
    else if (trigger.kind === 'offset') times.push(start === null ? null : start + trigger.seconds * 1000);
    else if (trigger.kind === 'after') times.push(previous === null ? null : previous + trigger.seconds * 1000);
    else times.push(null);
  });
  return times;
}
