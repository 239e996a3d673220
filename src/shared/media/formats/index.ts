import type { ExportedFile, ExportFormat, ImportFormat, MediaEntry } from '../../contract/media';
import { parseCsv, writeCsv } from './csv';
import { parseJson, writeJson } from './json';
import { parseM3u, writeM3u } from './m3u';
import type { ParsedImport } from './parsed-import';
import { parseTextList } from './text';

export type { ImportCandidate, ParsedImport } from './parsed-import';

export function parseImport(format: ImportFormat, text: string): ParsedImport {
  switch (format) {
    case 'text':
      return parseTextList(text);
    case 'csv':
      return parseCsv(text);
    case 'json':
      return parseJson(text);
    case 'm3u':
      return parseM3u(text);
  }
}

/** Guesses the format of a dropped or pasted file from its name, then its first characters. */
export function detectImportFormat(fileName: string | null, text: string): ImportFormat {
  const extension = fileName?.toLowerCase().split('.').at(-1);
  if (extension === 'csv') return 'csv';
  if (extension === 'json') return 'json';
  if (extension === 'm3u' || extension === 'm3u8') return 'm3u';
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('#EXTM3U')) return 'm3u';
  if (start.startsWith('[') || start.startsWith('{')) return 'json';
  const firstLine = start.split(/\r?\n/, 1)[0]?.toLowerCase() ?? '';
  if (/(^|,)\s*"?url"?\s*(,|$)/.test(firstLine)) return 'csv';
  return 'text';
}

export function writeExport(format: ExportFormat, entries: readonly MediaEntry[], exportedAt: string): ExportedFile {
  const stamp = exportedAt.slice(0, 10);
  switch (format) {
    case 'json':
      return { fileName: `media-${stamp}.json`, mimeType: 'application/json', text: writeJson(entries, exportedAt) };
    case 'csv':
      return { fileName: `media-${stamp}.csv`, mimeType: 'text/csv', text: writeCsv(entries) };
    case 'm3u':
      return { fileName: `media-${stamp}.m3u`, mimeType: 'audio/x-mpegurl', text: writeM3u(entries) };
  }
}
