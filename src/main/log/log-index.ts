import type { LogEntry, LogFacets, LogFilter, LogRow } from '../../shared/contract/log';
import type { RepeatLine } from './log-line';

interface Indexed {
  entry: LogEntry;
  file: string;
  atMs: number;
  lastAtMs: number;
  /** Lower-cased TaskId, RequestId, error code and message, parameters and response, for the text filter. */
  search: string;
}

/**
 * Every retained entry in memory, oldest first (by sequence number), so a query is one backwards
 * scan: newest first, the total counted on the way, one page kept. At 100,000 entries a scan with
 * every filter set takes a few milliseconds (see bench/task-log.bench.ts).
 */
export class LogIndex {
  #rows: Indexed[] = [];
  readonly #byId = new Map<string, Indexed>();

  get size(): number {
    return this.#rows.length;
  }

  add(entry: LogEntry, file: string): void {
    const atMs = Date.parse(entry.at);
    const row: Indexed = { entry, file, atMs, lastAtMs: atMs, search: searchTextOf(entry) };
    this.#rows.push(row);
    this.#byId.set(entry.id, row);
  }

  /** Puts the entries of `older` (all older than any here: an earlier file) before these. */
  prependOlder(older: LogIndex): void {
    for (const row of older.#rows) this.#byId.set(row.entry.id, row);
    this.#rows = older.#rows.concat(this.#rows);
  }

  /** Folds a repeat line into its call; false when that call is not (or no longer) in the log. */
  applyRepeat(line: RepeatLine): boolean {
    const row = this.#byId.get(line.of);
    if (!row) return false;
    const previous = row.entry.repeat?.count ?? 1;
    row.entry.repeat = { count: previous + 1, lastAt: line.at, lastLatencyMs: line.latencyMs };
    if (line.requestId !== undefined) {
      row.entry.repeat.lastRequestId = line.requestId;
      row.search += `\n${line.requestId.toLowerCase()}`;
    }
    row.lastAtMs = Math.max(row.lastAtMs, Date.parse(line.at));
    return true;
  }

  get(id: string): LogEntry | undefined {
    return this.#byId.get(id)?.entry;
  }

  /** Drops every entry of `file` (retention); files are consecutive, so this is a filter over one run. */
  dropFile(file: string): number {
    const kept: Indexed[] = [];
    let dropped = 0;
    for (const row of this.#rows) {
      if (row.file === file) {
        this.#byId.delete(row.entry.id);
        dropped++;
      } else kept.push(row);
    }
    this.#rows = kept;
    return dropped;
  }

  query(filter: LogFilter, offset: number, limit: number): { rows: LogRow[]; total: number } {
    const match = compileFilter(filter);
    const rows: LogRow[] = [];
    let total = 0;
    for (let i = this.#rows.length - 1; i >= 0; i--) {
      const row = this.#rows[i] as Indexed;
      if (!match(row)) continue;
      if (total >= offset && rows.length < limit) rows.push(rowOf(row.entry));
      total++;
    }
    return { rows, total };
  }

  /** Full entries matching `filter`, newest first, at most `limit`; `total` counts every match. */
  entries(filter: LogFilter, limit: number): { entries: LogEntry[]; total: number } {
    const match = compileFilter(filter);
    const entries: LogEntry[] = [];
    let total = 0;
    for (let i = this.#rows.length - 1; i >= 0; i--) {
      const row = this.#rows[i] as Indexed;
      if (!match(row)) continue;
      if (entries.length < limit) entries.push(row.entry);
      total++;
    }
    return { entries, total };
  }

  facets(): LogFacets {
    const apps = new Set<number>();
    const rooms = new Set<string>();
    for (const { entry } of this.#rows) {
      if (entry.sdkAppId !== undefined) apps.add(entry.sdkAppId);
      if (entry.roomId !== undefined && rooms.size < 500) rooms.add(entry.roomId);
    }
    return { sdkAppIds: [...apps].sort((a, b) => a - b), roomIds: [...rooms].sort() };
  }
}

export function rowOf(entry: LogEntry): LogRow {
  const { params: _params, response: _response, ...row } = entry;
  return row;
}

function searchTextOf(entry: LogEntry): string {
  const parts = [entry.taskId, entry.requestId, entry.errorCode, entry.errorMessage, JSON.stringify(entry.params)];
  if (entry.response) parts.push(JSON.stringify(entry.response));
  return parts
    .filter((part) => part !== undefined)
    .join('\n')
    .toLowerCase();
}

type Match = (row: Indexed) => boolean;

function compileFilter(filter: LogFilter): Match {
  const checks: Match[] = [];
  const { sdkAppId, roomId, actions, outcomes, from, to, taskId } = filter;
  if (sdkAppId !== undefined) checks.push((row) => row.entry.sdkAppId === sdkAppId);
  if (roomId !== undefined) checks.push((row) => row.entry.roomId === roomId);
  if (taskId !== undefined) checks.push((row) => row.entry.taskId === taskId);
  if (actions && actions.length > 0) {
    const set = new Set<string>(actions);
    checks.push((row) => set.has(row.entry.action));
  }
  if (outcomes && outcomes.length > 0) {
    const set = new Set<string>(outcomes);
    checks.push((row) => set.has(row.entry.outcome));
  }
  // A folded row spans its first and last call: it matches a range it overlaps.
  if (from !== undefined) {
    const fromMs = Date.parse(from);
    checks.push((row) => row.lastAtMs >= fromMs);
  }
  if (to !== undefined) {
    const toMs = Date.parse(to);
    checks.push((row) => row.atMs <= toMs);
  }
  const text = filter.text?.trim().toLowerCase();
  if (text) checks.push((row) => row.search.includes(text));
  if (checks.length === 0) return () => true;
  return (row) => {
    for (const check of checks) if (!check(row)) return false;
    return true;
  };
}
