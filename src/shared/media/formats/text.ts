import type { ParsedImport } from './parsed-import';

/** Plain text: one URL a line; blank lines and `#` comments are skipped. */
export function parseTextList(text: string): ParsedImport {
  const result: ParsedImport = { candidates: [], rejected: [] };
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    result.candidates.push({ line: index + 1, url: line });
  });
  return result;
}
