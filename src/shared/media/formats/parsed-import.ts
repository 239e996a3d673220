import type { ImportRejection } from '../../contract/media';

/** One row a file format yielded, before the URL rules and duplicate checks run. */
export interface ImportCandidate {
  line: number;
  url: string;
  name?: string;
  tags?: string[];
  notes?: string;
}

export interface ParsedImport {
  candidates: ImportCandidate[];
  /** Rows the format itself could not read (missing URL column, malformed JSON item, ...). */
  rejected: ImportRejection[];
}

/** Offending text as shown in the report: one line, shortened. */
export function excerpt(text: string, max = 200): string {
  const line = text.replace(/[\r\n]+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
