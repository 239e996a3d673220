import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogSkippedLine } from '../../shared/contract/log';
import { LogIndex } from './log-index';
import { entryOfLine, parseLogLine } from './log-line';

export interface ReadLogFile {
  index: LogIndex;
  bytes: number;
  newestMs: number;
  maxSeq: number;
  /** Lines that could not be used: a torn last line (crash), an invalid line, a repeat without its call. */
  skipped: LogSkippedLine[];
}

/** Reads one log file into its own index; an unreadable line is reported, never fatal. */
export async function readLogFile(dir: string, file: string): Promise<ReadLogFile> {
  const text = await readFile(join(dir, file), 'utf8');
  const result: ReadLogFile = { index: new LogIndex(), bytes: Buffer.byteLength(text), newestMs: 0, maxSeq: 0, skipped: [] };
  let start = 0;
  let lineNumber = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    const complete = end >= 0;
    if (!complete) end = text.length;
    lineNumber++;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    const line = parseLogLine(raw);
    if (!line) {
      result.skipped.push({ file, line: lineNumber, reason: complete ? 'invalid' : 'torn' });
      continue;
    }
    // Repeat lines always follow their call in the same file (folding restarts with each file).
    if (line.type === 'call') result.index.add(entryOfLine(line), file);
    else if (!result.index.applyRepeat(line)) {
      result.skipped.push({ file, line: lineNumber, reason: 'orphan-repeat' });
      continue;
    }
    result.maxSeq = Math.max(result.maxSeq, line.seq);
    result.newestMs = Math.max(result.newestMs, Date.parse(line.at) || 0);
  }
  return result;
}
