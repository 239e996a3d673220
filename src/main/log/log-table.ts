import type { LogEntry, LogFilter, LogRepeat, LogRow } from '../../shared/contract/log';
import type { AppDatabase } from '../db/database';

/**
 * The task log's rows in the app's database (schema migration 2): one row per call, the redacted
 * entry as JSON, the filters' columns beside it, and its search text in the FTS5 trigram table
 * `log_search` under the same number (rowid = seq). Every function runs inside the caller's write
 * or is a read.
 */

/** What the text filter searches (as before the database): TaskId, RequestId, error code and message, parameters and response, and the show and cue. */
export function searchTextOf(entry: LogEntry): string {
  const parts = [entry.taskId, entry.requestId, entry.errorCode, entry.errorMessage, JSON.stringify(entry.params)];
  if (entry.response) parts.push(JSON.stringify(entry.response));
  // A show's calls are found by its name and cue (kept in the entry's JSON: no column, no migration).
  if (entry.show) parts.push(entry.show.name, entry.show.cueId, entry.show.cue ?? '');
  return parts.filter((part) => part !== undefined).join('\n');
}

/** Inserts a call (without its `repeat`, which only folding writes) into `segment`; returns the bytes it counts for. */
export function insertEntry(db: AppDatabase, entry: LogEntry, segment: number): number {
  const { repeat, ...call } = entry;
  const json = JSON.stringify(call);
  const bytes = Buffer.byteLength(json) + 1;
  const atMs = Date.parse(entry.at);
  const lastAtMs = repeat ? Math.max(atMs, Date.parse(repeat.lastAt)) : atMs;
  db.statement(
    `INSERT INTO log_entries (seq, id, segment, at_ms, last_at_ms, action, outcome, purpose, profile_id, sdk_app_id, room_id, task_id,
       request_id, call_id, bytes, entry, repeat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.seq,
    entry.id,
    segment,
    atMs,
    lastAtMs,
    entry.action,
    entry.outcome,
    entry.purpose,
    entry.profileId,
    entry.sdkAppId ?? null,
    entry.roomId ?? null,
    entry.taskId ?? null,
    entry.requestId ?? null,
    entry.callId ?? null,
    bytes,
    json,
    repeat ? JSON.stringify(repeat) : null,
  );
  db.statement('INSERT INTO log_search (rowid, text) VALUES (?, ?)').run(entry.seq, searchTextOf(entry));
  countInSegment(db, segment, 1, bytes, lastAtMs, entry.seq);
  return bytes;
}

export interface RepeatCall {
  seq: number;
  at: string;
  requestId?: string;
  latencyMs: number;
}

/**
 * Folds one more identical Describe into the row numbered `headSeq`: its count, last time, last
 * RequestId; the RequestId joins the row's search text, so any repeat's RequestId finds the row.
 * False when that row is no longer in the log.
 */
export function foldRepeat(db: AppDatabase, headSeq: number, call: RepeatCall): boolean {
  const row = db.statement('SELECT segment, repeat FROM log_entries WHERE seq = ?').get(headSeq) as
    | { segment: number; repeat: string | null }
    | undefined;
  if (!row) return false;
  const previous = row.repeat ? (JSON.parse(row.repeat) as LogRepeat) : undefined;
  const repeat: LogRepeat = { count: (previous?.count ?? 1) + 1, lastAt: call.at, lastLatencyMs: call.latencyMs };
  const lastRequestId = call.requestId ?? previous?.lastRequestId;
  if (lastRequestId !== undefined) repeat.lastRequestId = lastRequestId;
  const atMs = Date.parse(call.at);
  db.statement('UPDATE log_entries SET repeat = ?, last_at_ms = max(last_at_ms, ?) WHERE seq = ?').run(
    JSON.stringify(repeat),
    atMs,
    headSeq,
  );
  if (call.requestId !== undefined) {
    db.statement('UPDATE log_search SET text = text || char(10) || ? WHERE rowid = ?').run(call.requestId, headSeq);
  }
  // A repeat line took about this much room in a file: the segment's size still says when to rotate.
  countInSegment(db, row.segment, 0, 90 + (call.requestId?.length ?? 0), atMs, call.seq);
  return true;
}

function countInSegment(db: AppDatabase, segment: number, entries: number, bytes: number, atMs: number, seq: number): void {
  db.statement(
    `INSERT INTO log_segments (segment, entries, bytes, newest_ms, last_seq) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (segment) DO UPDATE SET entries = entries + excluded.entries, bytes = bytes + excluded.bytes,
       newest_ms = max(newest_ms, excluded.newest_ms), last_seq = max(last_seq, excluded.last_seq)`,
  ).run(segment, entries, bytes, atMs, seq);
}

/** The WHERE clause of a filter (every column it names is indexed; the text goes through `log_search`). */
export function whereOf(filter: LogFilter, searchIndexed = true): { sql: string; values: (string | number)[] } {
  const clauses: string[] = [];
  const values: (string | number)[] = [];
  const add = (clause: string, ...more: (string | number)[]) => {
    clauses.push(clause);
    values.push(...more);
  };
  const list = (items: readonly string[]) => items.map(() => '?').join(', ');
  if (filter.sdkAppId !== undefined) add('sdk_app_id = ?', filter.sdkAppId);
  if (filter.roomId !== undefined) add('room_id = ?', filter.roomId);
  if (filter.taskId !== undefined) add('task_id = ?', filter.taskId);
  if (filter.callId !== undefined) add('call_id = ?', filter.callId);
  if (filter.actions?.length) add(`action IN (${list(filter.actions)})`, ...filter.actions);
  if (filter.outcomes?.length) add(`outcome IN (${list(filter.outcomes)})`, ...filter.outcomes);
  // A folded row spans its first and last call: it matches a range it overlaps.
  if (filter.from !== undefined) add('last_at_ms >= ?', Date.parse(filter.from));
  if (filter.to !== undefined) add('at_ms <= ?', Date.parse(filter.to));
  const text = filter.text?.trim();
  if (text) {
    // Case-insensitive substring, as before: three characters or more through the trigram index,
    // shorter ones (which no trigram can hold) by a scan of the search text, as is everything when the
    // runtime's SQLite has no FTS5 (see migration 2).
    if (searchIndexed && [...text].length >= 3)
      add('seq IN (SELECT rowid FROM log_search WHERE log_search MATCH ?)', `"${text.replaceAll('"', '""')}"`);
    else add('seq IN (SELECT rowid FROM log_search WHERE instr(lower(text), ?) > 0)', text.toLowerCase());
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', values };
}

export interface StoredRow {
  entry: string;
  repeat: string | null;
}

/** The entry a row holds, with its folded repeats. */
export function entryOfRow(row: StoredRow): LogEntry {
  const entry = JSON.parse(row.entry) as LogEntry;
  if (row.repeat) entry.repeat = JSON.parse(row.repeat) as LogRepeat;
  return entry;
}

export function rowOf(entry: LogEntry): LogRow {
  const { params: _params, response: _response, ...row } = entry;
  return row;
}
