import { open } from 'node:fs/promises';
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
 * Bytes read at a time. A whole 5 MiB file in one Buffer made the C allocator keep tens of MiB
 * after start-up (every freed file-sized block raised its mmap threshold); one small buffer, reused
 * chunk after chunk, does not. It grows only for a line longer than itself.
 */
const chunkBytes = 256 * 1024;

/**
 * Reads one log file into its own index (sharing `dictionary`), keeping each call line's byte
 * offset and length; an unreadable line is reported, never fatal.
 */
export async function readLogFile(dir: string, file: string, dictionary?: LogDictionary): Promise<ReadLogFile> {
  const result: ReadLogFile = { index: new LogIndex(dictionary), bytes: 0, newestMs: 0, maxSeq: 0, endsTorn: false, skipped: [] };
  // Repeat lines always follow their call in the same file (folding restarts with each file).
  const callSeqs = new Map<string, number>();
  let lineNumber = 0;
  const onLine = (raw: string, offset: number, length: number, complete: boolean) => {
    lineNumber++;
    if (raw.trim() === '') return;
    const line = parseLogLine(raw);
    if (!line) {
      result.skipped.push({ file, line: lineNumber, reason: complete ? 'invalid' : 'torn' });
      return;
    }
    if (line.type === 'call') {
      result.index.add(entryOfLine(line), file, offset, length);
      callSeqs.set(line.id, line.seq);
    } else {
      const callSeq = callSeqs.get(line.of);
      if (callSeq === undefined || !result.index.applyRepeat(callSeq, line)) {
        result.skipped.push({ file, line: lineNumber, reason: 'orphan-repeat' });
        return;
      }
    }
    result.maxSeq = Math.max(result.maxSeq, line.seq);
    result.newestMs = Math.max(result.newestMs, Date.parse(line.at) || 0);
  };
  const { bytes, endsTorn } = await scanLines(join(dir, file), onLine);
  result.bytes = bytes;
  result.endsTorn = endsTorn;
  return result;
}

/**
 * Calls `onLine` with every line of a file (without its "\n"), its byte offset and length, and
 * whether a "\n" ended it (only the last line can lack one), reading a chunk at a time.
 */
async function scanLines(
  path: string,
  onLine: (text: string, offset: number, length: number, complete: boolean) => void,
): Promise<{ bytes: number; endsTorn: boolean }> {
  const handle = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafeSlow(chunkBytes);
    // buffer[0] is at `base` in the file; buffer[0..filled) holds bytes not yet passed to onLine.
    let base = 0;
    let filled = 0;
    let lastByte = -1;
    for (;;) {
      if (filled === buffer.length) {
        // One line longer than the buffer: make room for the rest of it.
        const grown = Buffer.allocUnsafeSlow(buffer.length * 2);
        buffer.copy(grown, 0, 0, filled);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, base + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
      lastByte = buffer[filled - 1] as number;
      const view = buffer.subarray(0, filled);
      let start = 0;
      for (let end = view.indexOf(0x0a, start); end >= 0; end = view.indexOf(0x0a, start)) {
        onLine(buffer.toString('utf8', start, end), base + start, end - start, true);
        start = end + 1;
      }
      // The bytes after the last "\n" start the next line: move them to the front.
      buffer.copy(buffer, 0, start, filled);
      base += start;
      filled -= start;
    }
    if (filled > 0) onLine(buffer.toString('utf8', 0, filled), base, filled, false);
    return { bytes: base + filled, endsTorn: lastByte !== -1 && lastByte !== 0x0a };
  } finally {
    await handle.close();
  }
}
