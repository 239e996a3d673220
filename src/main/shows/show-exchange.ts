import type { ShowImportRejection } from '../../shared/contract/shows';
import { type ShowDraft, type StoredShow, showDraftSchema } from '../../shared/shows/show-schema';
import type { PresetsPort } from './shows-ports';

/** The export file's marker; an import refuses anything else. */
export const showExportFormat = 'ingest-desk.shows';
export const showExportVersion = 1;

/**
 * A JSON file of shows: drafts only (no id, revision or times). Each task also carries its preset's
 * name, so an import on another computer finds the preset there; no secret is in a show to leak.
 */
export function exportShows(shows: StoredShow[], presets: PresetsPort, exportedAt: string): string {
  const drafts = shows.map(({ id: _id, revision: _revision, createdAt: _created, updatedAt: _updated, ...draft }) => ({
    ...draft,
    tasks: draft.tasks.map((task) => ({ ...task, presetName: presets.find(task.presetId)?.name })),
  }));
  return `${JSON.stringify({ format: showExportFormat, version: showExportVersion, exportedAt, shows: drafts }, null, 2)}\n`;
}

export interface ParsedShowImport {
  accepted: { index: number; draft: ShowDraft }[];
  rejected: ShowImportRejection[];
}

/** Reads an export file; each show is checked with the editor's schema after its presets are found by id, else by name. */
export function parseShowImport(json: string, presets: PresetsPort): ParsedShowImport {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fileProblem('shows:import.notJson');
  }
  if (!isRecord(raw)) return fileProblem('shows:import.notShowFile');
  if (raw.format !== showExportFormat || !Array.isArray(raw.shows)) return fileProblem('shows:import.notShowFile');
  if (typeof raw.version !== 'number' || raw.version > showExportVersion) return fileProblem('shows:import.newerVersion');

  const result: ParsedShowImport = { accepted: [], rejected: [] };
  raw.shows.forEach((item: unknown, index) => {
    const parsed = showDraftSchema.safeParse(relinkPresets(item, presets));
    if (parsed.success) {
      result.accepted.push({ index, draft: parsed.data });
      return;
    }
    const name = isRecord(item) && typeof item.name === 'string' ? item.name.slice(0, 100) : undefined;
    result.rejected.push({ index, ...(name === undefined ? {} : { name }), problems: issuesOf(parsed.error.issues) });
  });
  return result;
}

/** Zod issues as the page shows them: a field path and a message key; unknown keys name the field only, never echo its value. */
export function issuesOf(issues: readonly { path: PropertyKey[]; message: string; code: string }[]): { path: string; message: string }[] {
  return issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.code === 'unrecognized_keys' ? 'shows:import.unknownField' : issue.message,
  }));
}

function relinkPresets(item: unknown, presets: PresetsPort): unknown {
  if (!isRecord(item) || !Array.isArray(item.tasks)) return item;
  const tasks = item.tasks.map((task: unknown) => {
    if (!isRecord(task)) return task;
    const { presetName, ...rest } = task;
    if (typeof rest.presetId === 'string' && presets.find(rest.presetId)) return rest;
    const byName = typeof presetName === 'string' ? presets.findByName(presetName) : null;
    return byName ? { ...rest, presetId: byName.id } : rest;
  });
  return { ...item, tasks };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fileProblem(message: string): ParsedShowImport {
  return { accepted: [], rejected: [{ index: -1, problems: [{ path: '', message }] }] };
}
