import { type FileHandle, open } from 'node:fs/promises';
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
/** A TRTC RequestId is a UUID: what a segment's RequestId blob starts with per line (it grows if needed). */
const requestIdBytes = 36;

/**
 * Reads one log file into its own index (sharing `dictionary`), keeping each call line's byte
 * offset and length; an unreadable line is reported, never fatal.
 */
export async function readLogFile(dir: string, file: string, dictionary?: LogDictionary): Promise<ReadLogFile> {
  const handle = await open(join(dir, file), 'r');
  try {
    return await readOpenLogFile(handle, file, dictionary);
  } finally {
    await handle.close();
  }
}

/** The chunk buffer between two files (start-up reads them one after another): one buffer, not one per file. */
let spareChunk: Buffer | undefined;

async function readOpenLogFile(handle: FileHandle, file: string, dictionary?: LogDictionary): Promise<ReadLogFile> {
  const buffer = spareChunk ?? Buffer.allocUnsafeSlow(chunkBytes);
  spareChunk = undefined;
  try {
    return await indexLines(handle, buffer, file, dictionary);
  } finally {
    spareChunk = buffer;
  }
}

async function indexLines(handle: FileHandle, buffer: Buffer, file: string, dictionary?: LogDictionary): Promise<ReadLogFile> {
  // Counting the lines first (a cheap pass over bytes the page cache holds) sizes the file's columns
  // once: grown by doubling, every file left about its own size in garbage typed arrays.
  const lines = await countLines(handle, buffer);
  const sizeHint = { rows: lines, requestBytes: lines * requestIdBytes };
  const result: ReadLogFile = { index: new LogIndex(dictionary, sizeHint), bytes: 0, newestMs: 0, maxSeq: 0, endsTorn: false, skipped: [] };
  // A repeat line folds into the newest Describe call of its task in the same file (the only one the
  // writer folds into; folding restarts with each file): only those calls are remembered, not every id.
  const heads = new Map<string, number>();
  const headOfTask = new Map<string, string>();
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
      if (line.taskId !== undefined) {
        const previous = headOfTask.get(line.taskId);
        if (previous !== undefined) heads.delete(previous);
        if (line.action === 'DescribeStreamIngest') {
          headOfTask.set(line.taskId, line.id);
          heads.set(line.id, line.seq);
        } else headOfTask.delete(line.taskId);
      }
    } else {
      const callSeq = heads.get(line.of);
      if (callSeq === undefined || !result.index.applyRepeat(callSeq, line)) {
        result.skipped.push({ file, line: lineNumber, reason: 'orphan-repeat' });
        return;
      }
    }
    result.maxSeq = Math.max(result.maxSeq, line.seq);
    result.newestMs = Math.max(result.newestMs, Date.parse(line.at) || 0);
  };
  const { bytes, endsTorn } = await scanLines(handle, buffer, onLine);
  result.bytes = bytes;
  result.endsTorn = endsTorn;
  return result;
}

/**
 * Calls `onLine` with every line of a file (without its "\n"), its byte offset and length, and
 * whether a "\n" ended it (only the last line can lack one), reading a chunk at a time.
 */
async function scanLines(
  handle: FileHandle,
  chunk: Buffer,
  onLine: (text: string, offset: number, length: number, complete: boolean) => void,
): Promise<{ bytes: number; endsTorn: boolean }> {
  let buffer = chunk;
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
}

/** Lines in the file (a last one without "\n" counts). */
async function countLines(handle: FileHandle, buffer: Buffer): Promise<number> {
  let lines = 0;
  let position = 0;
  let lastByte = 0x0a;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    lastByte = buffer[bytesRead - 1] as number;
    const view = buffer.subarray(0, bytesRead);
    for (let at = view.indexOf(0x0a); at >= 0; at = view.indexOf(0x0a, at + 1)) lines++;
  }
  return lastByte === 0x0a ? lines : lines + 1;
}
