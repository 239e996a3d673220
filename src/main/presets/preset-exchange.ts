import { type ImportRejection, type PresetDraft, presetDraftSchema, type StoredPreset } from '../../shared/contract/presets';

/** The export file's marker; an import refuses anything else. */
export const presetExportFormat = 'ingest-desk.presets';
export const presetExportVersion = 1;

/**
 * A JSON file of presets to share or back up: the drafts only (no id, order or times), and never a
 * secret, because stored presets hold none (a pasting preset imports as "paste needed").
 */
export function exportPresets(presets: StoredPreset[], exportedAt: string): string {
  const drafts = presets.map(({ id: _id, order: _order, createdAt: _created, updatedAt: _updated, ...draft }): PresetDraft => draft);
  return `${JSON.stringify({ format: presetExportFormat, version: presetExportVersion, exportedAt, presets: drafts }, null, 2)}\n`;
}

export interface ParsedImport {
  accepted: { index: number; draft: PresetDraft }[];
  rejected: ImportRejection[];
}

/** Reads an export file; each preset is checked with the same schema as the form. */
export function parsePresetImport(json: string): ParsedImport {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fileProblem('presets:import.notJson');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fileProblem('presets:import.notPresetFile');
  const file = raw as Record<string, unknown>;
  if (file.format !== presetExportFormat || !Array.isArray(file.presets)) return fileProblem('presets:import.notPresetFile');
  if (typeof file.version !== 'number' || file.version > presetExportVersion) return fileProblem('presets:import.newerVersion');

  const result: ParsedImport = { accepted: [], rejected: [] };
  file.presets.forEach((item: unknown, index) => {
    const parsed = presetDraftSchema.safeParse(item);
    if (parsed.success) {
      result.accepted.push({ index, draft: parsed.data });
      return;
    }
    const name = typeof item === 'object' && item !== null ? (item as Record<string, unknown>).name : undefined;
    result.rejected.push({
      index,
      ...(typeof name === 'string' ? { name: name.slice(0, 100) } : {}),
      problems: parsed.error.issues.slice(0, 10).map((issue) => ({
        path: issue.path.map(String).join('.'),
        // Unknown keys name the field only: its value (perhaps a pasted secret) is not echoed back.
        message: issue.code === 'unrecognized_keys' ? `presets:import.unknownField` : issue.message,
      })),
    });
  });
  return result;
}

function fileProblem(message: string): ParsedImport {
  return { accepted: [], rejected: [{ index: -1, problems: [{ path: '', message }] }] };
}
