/**
 * The run-sheet editor's values and checks. The form holds a ShowDraft as it is being written; the
 * shared schema (the one main enforces on save and import) checks it, and its problems are grouped
 * by the cue or task they concern so each shows beside its own card.
 */
import {
  type Cue,
  type CueAction,
  type CueActionKind,
  type CueTrigger,
  type ShowDraft,
  type StoredShow,
  showDraftSchema,
} from '../../../../shared/shows/show-schema';

export type SheetValues = ShowDraft;

export const emptySheet: SheetValues = { name: '', tasks: [], cues: [], notes: '', preflightLeadMinutes: 15 };

export function sheetOf(show: StoredShow): SheetValues {
  const { id: _id, revision: _revision, createdAt: _created, updatedAt: _updated, ...draft } = show;
  return draft;
}

/** The draft to save: optional fields left empty in the form are absent, as the schema wants them. */
export function cleanSheet(values: SheetValues): ShowDraft {
  const { plannedStart, ...rest } = values;
  return {
    ...rest,
    ...(plannedStart ? { plannedStart } : {}),
    tasks: values.tasks.map(({ roomId, ...task }) => (roomId?.trim() ? { ...task, roomId } : task)),
    cues: values.cues.map(({ label, ...cue }) => (label?.trim() ? { ...cue, label } : cue)),
  };
}

export interface SheetIssues {
  /** Message key by field path ("cues.2.trigger.at"). */
  byPath: Map<string, string>;
  /** Every message of the show's own fields (name, planned start, lead, notes, the lists' lengths). */
  show: string[];
  /** Every message of each cue, by index. */
  cues: Map<number, string[]>;
  /** Every message of each task, by index. */
  tasks: Map<number, string[]>;
  valid: boolean;
}

/** Runs the shared schema and groups what it says by where it belongs. */
export function checkSheet(values: SheetValues): SheetIssues {
  const issues: SheetIssues = { byPath: new Map(), show: [], cues: new Map(), tasks: new Map(), valid: true };
  const result = showDraftSchema.safeParse(cleanSheet(values));
  if (result.success) return issues;
  issues.valid = false;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const message = issue.message.includes(':') ? issue.message : 'shows:editor.invalidField';
    if (!issues.byPath.has(path.join('.'))) issues.byPath.set(path.join('.'), message);
    const [list, index] = path;
    const group = list === 'cues' ? issues.cues : list === 'tasks' ? issues.tasks : null;
    if (group && index !== undefined && /^\d+$/.test(index)) {
      const messages = group.get(Number(index)) ?? [];
      if (!messages.includes(message)) group.set(Number(index), [...messages, message]);
    } else if (!issues.show.includes(message)) issues.show.push(message);
  }
  return issues;
}

/** A new trigger of a kind: an `at` starts at the planned start (or in ten minutes), the others at 0 s. */
export function triggerOfKind(kind: CueTrigger['kind'], plannedStart: string | undefined, now: number): CueTrigger {
  if (kind === 'at') return { kind, at: plannedStart ?? new Date(Math.ceil((now + 600_000) / 60_000) * 60_000).toISOString() };
  if (kind === 'go') return { kind };
  return { kind, seconds: 0 };
}

/** A new action of a kind, keeping the task it was about when the new kind has one. */
export function actionOfKind(kind: CueActionKind, previous: CueAction, firstTask: string): CueAction {
  const task = 'task' in previous ? previous.task : firstTask;
  switch (kind) {
    case 'switchSource':
      return { kind, task, source: { kind: 'url', url: '' } };
    case 'volume':
      return { kind, task, volume: 100 };
    case 'tempo':
      return { kind, task, tempo: 1 };
    case 'stopRoom':
      return { kind, roomId: '' };
    case 'stopShow':
      return { kind };
    default:
      return { kind, task };
  }
}

/** A new cue after the others: on Go, launching the first task no cue launches yet (or the first task). */
export function newCue(values: SheetValues, id: string): Cue {
  const launched = new Set(values.cues.flatMap((cue) => (cue.action.kind === 'launch' ? [cue.action.task] : [])));
  const task = values.tasks.find((candidate) => !launched.has(candidate.name))?.name ?? values.tasks[0]?.name ?? '';
  return { id, trigger: { kind: 'go' }, action: { kind: 'launch', task } };
}

/** `2026-12-06T19:50:00Z` as a `datetime-local` input shows it, in this computer's zone; '' for nothing or bad input. */
export function localInputOf(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** A `datetime-local` value (this computer's zone) as an absolute ISO time; undefined when empty or bad. */
export function isoOfLocalInput(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
