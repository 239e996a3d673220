import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { LogEntry } from '../../shared/contract/log';
import type { LogLocation } from './log-index';
import { entryOfLine, parseLogLine } from './log-line';

/** Lines closer than this are read in one go: a page of neighbours is a single read. */
const mergeGapBytes = 64 * 1024;

/**
 * Reads the call lines at `locations` back into full entries, in the same order. A file gone
 * (retention ran meanwhile) leaves `undefined`. A line that is not the expected one (an offset
 * shifted by a failed partial write) is looked for by its sequence number in the whole file.
 */
export async function readEntries(
  dir: string,
  locations: LogLocation[],
  onMoved: (file: string) => void = () => {},
): Promise<(LogEntry | undefined)[]> {
  const result: (LogEntry | undefined)[] = new Array(locations.length).fill(undefined);
  const byFile = new Map<string, number[]>();
  locations.forEach((location, position) => {
    const positions = byFile.get(location.file) ?? [];
    positions.push(position);
    byFile.set(location.file, positions);
  });
  for (const [file, positions] of byFile) {
    let handle: FileHandle;
    try {
      handle = await open(join(dir, file), 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    try {
      const misplaced = await readRuns(handle, locations, positions, result);
      if (misplaced.length > 0) {
        onMoved(file);
        await findBySeq(handle, locations, misplaced, result);
      }
    } finally {
      await handle.close();
    }
  }
  return result;
}

/** Reads runs of nearby lines; returns the positions whose line was not where the index said. */
async function readRuns(
  handle: FileHandle,
  locations: LogLocation[],
  positions: number[],
  result: (LogEntry | undefined)[],
): Promise<number[]> {
  const sorted = [...positions].sort((a, b) => (locations[a] as LogLocation).offset - (locations[b] as LogLocation).offset);
  const misplaced: number[] = [];
  let run = 0;
  while (run < sorted.length) {
    const first = locations[sorted[run] as number] as LogLocation;
    let end = first.offset + first.length;
    let next = run + 1;
    while (next < sorted.length) {
      const candidate = locations[sorted[next] as number] as LogLocation;
      if (candidate.offset > end + mergeGapBytes) break;
      end = Math.max(end, candidate.offset + candidate.length);
      next++;
    }
    const buffer = Buffer.alloc(end - first.offset);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, first.offset);
    for (let i = run; i < next; i++) {
      const position = sorted[i] as number;
      const location = locations[position] as LogLocation;
      const start = location.offset - first.offset;
      const entry =
        start + location.length <= bytesRead ? entryAt(buffer.toString('utf8', start, start + location.length), location) : undefined;
      if (entry) result[position] = entry;
      else misplaced.push(position);
    }
    run = next;
  }
  return misplaced;
}

async function findBySeq(
  handle: FileHandle,
  locations: LogLocation[],
  positions: number[],
  result: (LogEntry | undefined)[],
): Promise<void> {
  const text = (await handle.readFile()).toString('utf8');
  for (const position of positions) {
    const location = locations[position] as LogLocation;
    const marker = `"seq":${location.seq},`;
    let at = text.indexOf(marker);
    while (at >= 0 && result[position] === undefined) {
      const start = text.lastIndexOf('\n', at) + 1;
      const newline = text.indexOf('\n', at);
      const end = newline < 0 ? text.length : newline;
      result[position] = entryAt(text.slice(start, end), location);
      at = text.indexOf(marker, end);
    }
  }
}

function entryAt(text: string, location: LogLocation): LogEntry | undefined {
  const line = parseLogLine(text);
  if (line?.type !== 'call' || line.seq !== location.seq) return undefined;
  const entry = entryOfLine(line);
  if (location.repeat) entry.repeat = location.repeat;
  return entry;
}
