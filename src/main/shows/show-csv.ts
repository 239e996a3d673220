/**
 * The CSV run-sheet (columns: src/shared/shows/csv-columns.ts, docs/shows.md): one row per cue; the
 * show's tasks come from its launch rows. Exported cells that a spreadsheet would run as a formula
 * are prefixed with `'` (and the prefix is dropped again on import).
 */
import Papa from 'papaparse';
import type { ShowImportRejection } from '../../shared/contract/shows';
import { showCsvColumns } from '../../shared/shows/csv-columns';
import { type Cue, type ShowDraft, type ShowTask, type StoredShow, showDraftSchema } from '../../shared/shows/show-schema';
import { issuesOf } from './show-exchange';
import type { PresetsPort } from './shows-ports';

export function exportShowCsv(show: StoredShow, presets: PresetsPort): string {
  const tasks = new Map(show.tasks.map((task) => [task.name, task]));
  const rows = show.cues.map((cue) => {
    const { trigger, action } = cue;
    const time = trigger.kind === 'at' ? trigger.at : trigger.kind === 'go' ? '' : clockOf(trigger.seconds);
    const task = 'task' in action ? tasks.get(action.task) : undefined;
    const launch = action.kind === 'launch' && task;
    const value =
      action.kind === 'volume'
        ? String(action.volume)
        : action.kind === 'tempo'
          ? String(action.tempo)
          : action.kind === 'switchSource'
            ? action.source.kind === 'url'
              ? action.source.url
              : `entry:${action.source.entryId}`
            : '';
    const room = action.kind === 'stopRoom' ? action.roomId : launch ? (task.roomId ?? '') : '';
    return [
      cue.id,
      cue.label ?? '',
      trigger.kind,
      time,
      action.kind,
      'task' in action ? action.task : '',
      launch ? (presets.find(task.presetId)?.name ?? task.presetId) : '',
      room,
      value,
    ];
  });
  return Papa.unparse({ fields: [...showCsvColumns], data: rows }, { newline: '\n', escapeFormulae: true });
}

export interface ParsedShowCsv {
  draft?: ShowDraft;
  rejected: ShowImportRejection[];
}

/** Reads a run-sheet into a draft; any bad row rejects the file, with each row's problems (row 1 is the header). */
export function parseShowCsv(
  csv: string,
  base: Pick<ShowDraft, 'name' | 'plannedStart' | 'preflightLeadMinutes'>,
  presets: PresetsPort,
): ParsedShowCsv {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ',', skipEmptyLines: 'greedy' });
  const [header = [], ...body] = parsed.data;
  const names = header.map((cell) => cell.trim().toLowerCase());
  const unknown = names.filter((name) => !(showCsvColumns as readonly string[]).includes(name));
  const missing = ['trigger', 'action'].filter((name) => !names.includes(name));
  if (unknown.length > 0 || missing.length > 0) {
    const problems = [
      ...unknown.map((name) => ({ path: name, message: 'shows:csv.unknownColumn' })),
      ...missing.map((name) => ({ path: name, message: 'shows:csv.missingColumn' })),
    ];
    return { rejected: [{ index: 1, problems }] };
  }
  const rejected: ShowImportRejection[] = [];
  const tasks = new Map<string, ShowTask>();
  const cues: unknown[] = [];
  body.forEach((cells, at) => {
    const row = at + 2;
    const cell = (name: string) => withoutFormulaGuard((cells[names.indexOf(name)] ?? '').trim());
    const problems: { path: string; message: string }[] = [];
    if (cells.length !== names.length) problems.push({ path: '', message: 'shows:csv.fieldCount' });
    const action = actionOf(cell('action'), cell('task'), cell('room'), cell('value'), problems);
    const trigger = triggerOf(cell('trigger'), cell('time'), problems);
    if (cell('action') === 'launch') {
      const preset = presets.find(cell('preset')) ?? presets.findByName(cell('preset'));
      if (!preset) problems.push({ path: 'preset', message: 'shows:csv.unknownPreset' });
      const task: ShowTask = { name: cell('task'), presetId: preset?.id ?? '', ...(cell('room') ? { roomId: cell('room') } : {}) };
      const earlier = tasks.get(task.name);
      if (earlier && (earlier.presetId !== task.presetId || earlier.roomId !== task.roomId))
        problems.push({ path: 'task', message: 'shows:csv.taskRedefined' });
      else if (preset) tasks.set(task.name, task);
    }
    const cue = { id: cell('cue') || `c${row}`, ...(cell('label') ? { label: cell('label') } : {}), trigger, action };
    const checked =
      problems.length === 0 ? issuesOf(showDraftSchema.safeParse({ ...base, tasks: [], cues: [cue], notes: '' }).error?.issues ?? []) : [];
    problems.push(...checked.map((problem) => ({ ...problem, path: columnOf(problem.path) })));
    if (problems.length > 0) rejected.push({ index: row, problems });
    cues.push(cue);
  });
  if (rejected.length > 0) return { rejected };
  const draft = showDraftSchema.safeParse({ ...base, tasks: [...tasks.values()], cues, notes: '' });
  if (!draft.success) return { rejected: [{ index: -1, name: base.name, problems: issuesOf(draft.error.issues) }] };
  return { draft: draft.data, rejected: [] };
}

function triggerOf(kind: string, time: string, problems: { path: string; message: string }[]): Cue['trigger'] | undefined {
  if (kind === 'go') return { kind };
  if (kind === 'at') return { kind, at: time };
  if (kind === 'offset' || kind === 'after') {
    const seconds = secondsOf(time);
    if (seconds === null) problems.push({ path: 'time', message: 'shows:csv.timeInvalid' });
    return { kind, seconds: seconds ?? -1 };
  }
  problems.push({ path: 'trigger', message: 'shows:trigger.invalid' });
  return undefined;
}

function actionOf(kind: string, task: string, room: string, value: string, problems: { path: string; message: string }[]): unknown {
  switch (kind) {
    case 'launch':
    case 'pause':
    case 'resume':
    case 'stop':
      return { kind, task };
    case 'volume':
      return { kind, task, volume: numberOf(value) };
    case 'tempo':
      return { kind, task, tempo: numberOf(value) };
    case 'switchSource':
      return { kind, task, source: value.startsWith('entry:') ? { kind: 'entry', entryId: value.slice(6) } : { kind: 'url', url: value } };
    case 'stopRoom':
      return { kind, roomId: room };
    case 'stopShow':
      return { kind };
    default:
      problems.push({ path: 'action', message: 'shows:action.invalid' });
      return undefined;
  }
}

/** `90`, `1:30` or `0:01:30` → 90; null when not one of those (minutes and seconds after a colon are two digits below 60). */
export function secondsOf(text: string): number | null {
  if (!/^\d+(:\d{2}){0,2}$/.test(text)) return null;
  const [first = 0, ...rest] = text.split(':').map(Number);
  if (rest.some((part) => part >= 60)) return null;
  return rest.reduce((total, part) => total * 60 + part, first);
}

function clockOf(seconds: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function numberOf(value: string): number | string {
  return value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
}

function withoutFormulaGuard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** A draft path (`cues.0.action.volume`) as the CSV column the producer edits. */
function columnOf(path: string): string {
  if (path.includes('trigger')) return 'time';
  if (path.endsWith('volume') || path.endsWith('tempo') || path.includes('source')) return 'value';
  if (path.endsWith('roomId')) return 'room';
  if (path.endsWith('task')) return 'task';
  if (path.endsWith('label')) return 'label';
  if (path.endsWith('.id')) return 'cue';
  return path;
}
