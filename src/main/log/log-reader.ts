import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogSkippedLine } from '../../shared/contract/log';
import { type LogDictionary, LogIndex } from './log-index';
import { entryOfLine, parseLogLine } from './log-line';

export interface ReadLogFile {
  index: LogIndex;
  bytes: number;
  newestMs: number;
  maxSeq: number;
  /** True when the file does not end with "\n" (a torn last line): the next write adds one first. */
  endsTorn: boolean;
  /** Lines that could not be used: a torn last line (crash), an invalid line, a repeat without its call. */
  skipped: LogSkippedLine[];
}

/**
 * Reads one log file into its own index (sharing `dictionary`), keeping each call line's byte
 * offset and length; an unreadable line is reported, never fatal.
 */
export async function readLogFile(dir: string, file: string, dictionary?: LogDictionary): Promise<ReadLogFile> {
  const buffer = await readFile(join(dir, file));
  const result: ReadLogFile = {
    index: new LogIndex(dictionary),
    bytes: buffer.length,
    newestMs: 0,
    maxSeq: 0,
    endsTorn: buffer.length > 0 && buffer[buffer.length - 1] !== 0x0a,
    skipped: [],
  };
  // Repeat lines always follow their call in the same file (folding restarts with each file).
  const callSeqs = new Map<string, number>();
  let start = 0;
  let lineNumber = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(0x0a, start);
    const complete = end >= 0;
    if (!complete) end = buffer.length;
    lineNumber++;
    const offset = start;
    const raw = buffer.toString('utf8', start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    const line = parseLogLine(raw);
    if (!line) {
      result.skipped.push({ file, line: lineNumber, reason: complete ? 'invalid' : 'torn' });
      continue;
    }
    if (line.type === 'call') {
      result.index.add(entryOfLine(line), file, offset, end - offset);
      callSeqs.set(line.id, line.seq);
    } else {
      const callSeq = callSeqs.get(line.of);
      if (callSeq === undefined || !result.index.applyRepeat(callSeq, line)) {
        result.skipped.push({ file, line: lineNumber, reason: 'orphan-repeat' });
        continue;
      }
    }
    result.maxSeq = Math.max(result.maxSeq, line.seq);
    result.newestMs = Math.max(result.newestMs, Date.parse(line.at) || 0);
  }
  return result;
}
