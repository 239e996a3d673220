import type { MediaEntry } from '../../contract/media';
import { excerpt, type ParsedImport } from './parsed-import';

export const exportVersion = 1;

/**
 * JSON: this app's export (`{ "version", "entries": [...] }`), a bare array of entries, or a bare array
 * of URL strings. Each item is reported by its 1-based position.
 */
export function parseJson(text: string): ParsedImport {
  const result: ParsedImport = { candidates: [], rejected: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    result.rejected.push({ line: 0, text: excerpt(text), problem: 'malformed', detail: (error as Error).message });
    return result;
  }
  const items = Array.isArray(raw) ? raw : isRecord(raw) && Array.isArray(raw.entries) ? raw.entries : null;
  if (!items) {
    result.rejected.push({ line: 0, text: excerpt(text), problem: 'malformed', detail: 'expected an array or an object with "entries"' });
    return result;
  }
  items.forEach((item: unknown, index: number) => {
    const line = index + 1;
    if (typeof item === 'string') {
      result.candidates.push({ line, url: item });
      return;
    }
    if (!isRecord(item)) {
      result.rejected.push({
        line,
        text: excerpt(JSON.stringify(item) ?? String(item)),
        problem: 'malformed',
        detail: 'not an object or a string',
      });
      return;
    }
    if (typeof item.url !== 'string' || item.url.trim() === '') {
      result.rejected.push({ line, text: excerpt(JSON.stringify(item)), problem: 'missingUrl' });
      return;
    }
    const wrongField = (['name', 'notes'] as const).find((key) => item[key] !== undefined && typeof item[key] !== 'string');
    const tags = item.tags;
    if (wrongField || (tags !== undefined && !(Array.isArray(tags) && tags.every((tag) => typeof tag === 'string')))) {
      result.rejected.push({
        line,
        text: excerpt(JSON.stringify(item)),
        problem: 'invalidField',
        detail: wrongField ? `"${wrongField}" must be a string` : '"tags" must be an array of strings',
      });
      return;
    }
    result.candidates.push({
      line,
      url: item.url,
      name: item.name as string | undefined,
      tags: tags as string[] | undefined,
      notes: item.notes as string | undefined,
    });
  });
  return result;
}

export function writeJson(entries: readonly MediaEntry[], exportedAt: string): string {
  const body = {
    version: exportVersion,
    exportedAt,
    entries: entries.map(({ url, name, tags, notes, addedAt, lastUsedAt }) => ({ url, name, tags, notes, addedAt, lastUsedAt })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
