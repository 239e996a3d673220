import Papa from 'papaparse';
import type { MediaEntry } from '../../contract/media';
import { excerpt, type ParsedImport } from './parsed-import';

const columns = ['url', 'name', 'tags', 'notes'] as const;

/**
 * CSV with a header row naming at least a `url` column (also `name`, `tags` separated by `;`, `notes`),
 * or, without a header, URLs in the first column. Quoted fields may hold commas and line breaks.
 */
export function parseCsv(text: string): ParsedImport {
  const result: ParsedImport = { candidates: [], rejected: [] };
  const rows = readRows(text.replace(/^\uFEFF/, ''));
  const header = rows[0]?.cells.map((cell) => cell.trim().toLowerCase()) ?? [];
  const hasHeader = header.includes('url');
  const at = (name: (typeof columns)[number]) => (hasHeader ? header.indexOf(name) : name === 'url' ? 0 : -1);
  const index = { url: at('url'), name: at('name'), tags: at('tags'), notes: at('notes') };

  for (const [rowIndex, row] of rows.entries()) {
    if (hasHeader && rowIndex === 0) continue;
    const { cells, line, error } = row;
    const text = excerpt(cells.join(','));
    if (error) {
      result.rejected.push({ line, text, problem: 'malformed', detail: error });
      continue;
    }
    if (hasHeader && cells.length !== header.length) {
      result.rejected.push({ line, text, problem: 'malformed', detail: `expected ${header.length} fields, found ${cells.length}` });
      continue;
    }
    const cell = (column: number) => (column >= 0 ? (cells[column] ?? '') : '');
    const url = cell(index.url).trim();
    if (url === '') {
      result.rejected.push({ line, text, problem: 'missingUrl' });
      continue;
    }
    result.candidates.push({
      line,
      url,
      name: cell(index.name) || undefined,
      tags: index.tags >= 0 ? cell(index.tags).split(';') : undefined,
      notes: cell(index.notes) || undefined,
    });
  }
  return result;
}

interface CsvRow {
  cells: string[];
  /** 1-based line the row starts on (a quoted field may span lines). */
  line: number;
  error?: string;
}

function readRows(body: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cursor = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (step) => {
      // The row starts after the previous one's end and any blank lines.
      let start = cursor;
      while (start < body.length && (body[start] === '\n' || body[start] === '\r')) start++;
      for (; counted < start; counted++) if (body[counted] === '\n') line++;
      rows.push({ cells: step.data, line, error: step.errors[0]?.message });
      cursor = step.meta.cursor;
    },
  });
  return rows;
}

export function writeCsv(entries: readonly MediaEntry[]): string {
  return Papa.unparse(
    {
      fields: [...columns],
      data: entries.map((entry) => [entry.url, entry.name, entry.tags.join(';'), entry.notes]),
    },
    { newline: '\n' },
  );
}
