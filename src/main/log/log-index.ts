import {
  type LogEntry,
  type LogFacets,
  type LogFilter,
  type LogRepeat,
  type LogRow,
  logActions,
  logOutcomes,
} from '../../shared/contract/log';
import type { RepeatLine } from './log-line';
import { hashId, Interner, LogSegment } from './log-segment';
import { SearchKeys } from './search-keys';

/** Where an entry's call line is: enough to read it back (see log-lines.ts) and to check it is the one. */
export interface LogLocation {
  file: string;
  offset: number;
  length: number;
  seq: number;
  repeat?: LogRepeat;
}

/** The strings every segment of one index shares. */
export class LogDictionary {
  readonly rooms = new Interner();
  readonly tasks = new Interner();
  readonly searchKeys = new SearchKeys();
}

const actionCodes = new Map<string, number>(logActions.map((action, code) => [action, code]));
const outcomeCodes = new Map<string, number>(logOutcomes.map((outcome, code) => [outcome, code]));

/**
 * What the filters and the table need of every retained entry, in columns, one segment per file,
 * oldest first; the full entries stay on disk and are read back by offset (log-lines.ts). A query is
 * one backwards scan: newest first, the total counted on the way, one page of locations kept.
 * About 60 bytes an entry plus the shared strings (see docs/log.md for the figures).
 */
export class LogIndex {
  readonly dictionary: LogDictionary;
  #segments: LogSegment[] = [];
  /** Folded rows by the sequence number of their call line. */
  readonly #repeats = new Map<number, LogRepeat>();
  #size = 0;

  /** Rows (and RequestId bytes) the next new segment starts with; only a file's reader knows. */
  #sizeHint: { rows: number; requestBytes: number } | undefined;

  constructor(dictionary = new LogDictionary(), sizeHint?: { rows: number; requestBytes: number }) {
    this.dictionary = dictionary;
    this.#sizeHint = sizeHint;
  }

  get size(): number {
    return this.#size;
  }

  /** Indexes a call line at `offset` (bytes) of `file`; `file` is the newest file or a new one. */
  add(entry: LogEntry, file: string, offset: number, length: number): void {
    let segment = this.#segments.at(-1);
    if (segment?.file !== file) {
      segment = new LogSegment(file, this.#sizeHint?.rows, this.#sizeHint?.requestBytes);
      this.#sizeHint = undefined;
      this.#segments.push(segment);
    }
    const row = segment.reserve();
    const atMs = Date.parse(entry.at);
    segment.seq[row] = entry.seq;
    segment.atMs[row] = atMs;
    segment.lastAtMs[row] = atMs;
    segment.sdkAppId[row] = entry.sdkAppId ?? Number.NaN;
    segment.offset[row] = offset;
    segment.length[row] = length;
    segment.action[row] = actionCodes.get(entry.action) ?? 255;
    segment.outcome[row] = outcomeCodes.get(entry.outcome) ?? 255;
    segment.room[row] = this.dictionary.rooms.code(entry.roomId);
    segment.task[row] = this.dictionary.tasks.code(entry.taskId);
    segment.searchKey[row] = this.dictionary.searchKeys.code(searchKeyOf(entry));
    segment.idHash[row] = hashId(entry.id);
    if (entry.requestId !== undefined) segment.requests.append(entry.requestId.toLowerCase(), row);
    this.#size++;
    if (entry.repeat) this.#repeats.set(entry.seq, { ...entry.repeat });
  }

  /** Puts the segments of `older` (all older than any here: earlier files, same dictionary) before these. */
  prependOlder(older: LogIndex): void {
    for (const segment of older.#segments) segment.trim();
    this.#segments = older.#segments.concat(this.#segments);
    for (const [seq, repeat] of older.#repeats) this.#repeats.set(seq, repeat);
    this.#size += older.#size;
  }

  /** Folds a repeat line into the call numbered `callSeq`; false when that call is not (or no longer) in the log. */
  applyRepeat(callSeq: number, line: RepeatLine): boolean {
    const found = this.#rowOfSeq(callSeq);
    if (!found) return false;
    const { segment, row } = found;
    const previous = this.#repeats.get(callSeq);
    const repeat: LogRepeat = { count: (previous?.count ?? 1) + 1, lastAt: line.at, lastLatencyMs: line.latencyMs };
    if (line.requestId !== undefined) {
      repeat.lastRequestId = line.requestId;
      segment.requests.append(line.requestId.toLowerCase(), row);
    } else if (previous?.lastRequestId !== undefined) repeat.lastRequestId = previous.lastRequestId;
    this.#repeats.set(callSeq, repeat);
    segment.lastAtMs[row] = Math.max(segment.lastAtMs[row] as number, Date.parse(line.at));
    return true;
  }

  /** Entries whose id hashes like `id`, newest first: the caller reads them and keeps the one with that id. */
  candidates(id: string): LogLocation[] {
    const hash = hashId(id);
    const found: LogLocation[] = [];
    for (let s = this.#segments.length - 1; s >= 0; s--) {
      const segment = this.#segments[s] as LogSegment;
      for (let row = segment.count - 1; row >= 0; row--) if (segment.idHash[row] === hash) found.push(this.#location(segment, row));
    }
    return found;
  }

  /** Drops every entry of `file` (retention): its whole segment. */
  dropFile(file: string): number {
    const segment = this.#segments.find((candidate) => candidate.file === file);
    if (!segment) return 0;
    this.#segments = this.#segments.filter((candidate) => candidate !== segment);
    for (let row = 0; row < segment.count; row++) this.#repeats.delete(segment.seq[row] as number);
    this.#size -= segment.count;
    return segment.count;
  }

  /** Locations of the matching entries from `offset` (newest first), at most `limit`; `total` counts every match. */
  query(filter: LogFilter, offset: number, limit: number): { locations: LogLocation[]; total: number } {
    const locations: LogLocation[] = [];
    let total = 0;
    for (let s = this.#segments.length - 1; s >= 0; s--) {
      const segment = this.#segments[s] as LogSegment;
      const match = this.#compile(filter, segment);
      if (!match) continue;
      for (let row = segment.count - 1; row >= 0; row--) {
        if (!match(row)) continue;
        if (total >= offset && locations.length < limit) locations.push(this.#location(segment, row));
        total++;
      }
    }
    return { locations, total };
  }

  facets(): LogFacets {
    const apps = new Set<number>();
    const rooms = new Set<number>();
    for (const segment of this.#segments) {
      for (let row = 0; row < segment.count; row++) {
        const app = segment.sdkAppId[row] as number;
        if (!Number.isNaN(app)) apps.add(app);
        const room = segment.room[row] as number;
        if (room >= 0 && rooms.size < 500) rooms.add(room);
      }
    }
    const roomIds = [...rooms].map((code) => this.dictionary.rooms.values[code] as string);
    return { sdkAppIds: [...apps].sort((a, b) => a - b), roomIds: roomIds.sort() };
  }

  #location(segment: LogSegment, row: number): LogLocation {
    const seq = segment.seq[row] as number;
    const location: LogLocation = { file: segment.file, offset: segment.offset[row] as number, length: segment.length[row] as number, seq };
    const repeat = this.#repeats.get(seq);
    if (repeat) location.repeat = { ...repeat };
    return location;
  }

  #rowOfSeq(seq: number): { segment: LogSegment; row: number } | undefined {
    for (let s = this.#segments.length - 1; s >= 0; s--) {
      const segment = this.#segments[s] as LogSegment;
      if (segment.count === 0 || (segment.seq[0] as number) > seq) continue;
      const row = segment.rowOfSeq(seq);
      return row >= 0 ? { segment, row } : undefined;
    }
    return undefined;
  }

  /** A row test for one segment; undefined when nothing in it can match. */
  #compile(filter: LogFilter, segment: LogSegment): ((row: number) => boolean) | undefined {
    const checks: ((row: number) => boolean)[] = [];
    const { sdkAppId, roomId, actions, outcomes, from, to, taskId } = filter;
    if (sdkAppId !== undefined) checks.push((row) => segment.sdkAppId[row] === sdkAppId);
    if (roomId !== undefined) {
      const code = this.dictionary.rooms.find(roomId);
      checks.push((row) => segment.room[row] === code);
    }
    if (taskId !== undefined) {
      const code = this.dictionary.tasks.find(taskId);
      checks.push((row) => segment.task[row] === code);
    }
    if (actions && actions.length > 0) {
      const codes = new Set(actions.map((action) => actionCodes.get(action)));
      checks.push((row) => codes.has(segment.action[row]));
    }
    if (outcomes && outcomes.length > 0) {
      const codes = new Set(outcomes.map((outcome) => outcomeCodes.get(outcome)));
      checks.push((row) => codes.has(segment.outcome[row]));
    }
    // A folded row spans its first and last call: it matches a range it overlaps.
    if (from !== undefined) {
      const fromMs = Date.parse(from);
      checks.push((row) => (segment.lastAtMs[row] as number) >= fromMs);
    }
    if (to !== undefined) {
      const toMs = Date.parse(to);
      checks.push((row) => (segment.atMs[row] as number) <= toMs);
    }
    const text = filter.text?.trim().toLowerCase();
    if (text) {
      const keys = this.#matchingKeys(text);
      const byRequest = requestMatches(segment, text);
      checks.push((row) => byRequest[row] === 1 || keys[segment.searchKey[row] as number] === 1);
    }
    if (checks.length === 0) return () => true;
    return (row) => {
      for (const check of checks) if (!check(row)) return false;
      return true;
    };
  }

  #keyCache: { text: string; size: number; matches: Uint8Array } | undefined;

  /** Which search keys hold `text`: each distinct key is tested once per query, not once per entry. */
  #matchingKeys(text: string): Uint8Array {
    const keys = this.dictionary.searchKeys;
    const cached = this.#keyCache;
    if (cached?.text === text && cached.size === keys.size) return cached.matches;
    const matches = keys.matching(text);
    this.#keyCache = { text, size: keys.size, matches };
    return matches;
  }
}

/** The last text search of each segment: the page asks again with the same filter whenever lines arrive. */
const requestSearches = new WeakMap<LogSegment, { text: string; version: number; rows: Uint8Array }>();

/** Rows of `segment` whose RequestId (or a folded repeat's) holds `text`: 1 in the returned array. */
function requestMatches(segment: LogSegment, text: string): Uint8Array {
  const cached = requestSearches.get(segment);
  if (cached && cached.text === text && cached.version === segment.requests.version && cached.rows.length === segment.count)
    return cached.rows;
  const rows = new Uint8Array(segment.count);
  segment.requests.search(text, (row) => {
    rows[row] = 1;
  });
  requestSearches.set(segment, { text, version: segment.requests.version, rows });
  return rows;
}

/** Lower-cased TaskId, error code and message, parameters and response: repeated Describes share one. */
function searchKeyOf(entry: LogEntry): string {
  const parts = [entry.taskId, entry.errorCode, entry.errorMessage, JSON.stringify(entry.params)];
  if (entry.response) parts.push(JSON.stringify(entry.response));
  return parts
    .filter((part) => part !== undefined)
    .join('\n')
    .toLowerCase();
}

export function rowOf(entry: LogEntry): LogRow {
  const { params: _params, response: _response, ...row } = entry;
  return row;
}
