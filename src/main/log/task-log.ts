import { AppError } from '../../shared/contract';
import type { LogEntry, LogFacets, LogFilter, LogPage, LogRetention, LogSkippedLine, LogStatus } from '../../shared/contract/log';
import type { Clock } from '../app/clock';
import type { EventBus } from '../app/event-bus';
import type { AppDatabase } from '../db/database';
import { DatabaseDocument } from '../db/database-document';
import { legacyLogStore } from '../db/legacy-log';
import { hasSearchIndex } from '../db/schema';
import { currentCallId } from '../rpc/current-call';
import type { ApiCallRecord, ApiCallRecorder } from '../trtc/api-call-record';
import { entryOf, fingerprintOf, newEntryId } from './log-entries';
import { logSettingsDocument } from './log-settings';
import { entryOfRow, foldRepeat, insertEntry, rowOf, type StoredRow, whereOf } from './log-table';
import { redactSecrets } from './redaction';
import type { TaskStateProvider } from './task-state-provider';

export interface TaskLogOptions {
  database: AppDatabase;
  clock: Clock;
  events?: EventBus;
  /** A segment (what a file was) is closed before it would grow past this. Default 5 MiB. */
  maxFileBytes?: number;
  /** `log.appended` is pushed at most this often. Default 250 ms. */
  eventIntervalMs?: number;
  /** After a failed write, try again this much later. Default 2000 ms. */
  retryMs?: number;
  /** Rows one retention DELETE removes before it lets the event loop run. Default 2000. */
  pruneSliceRows?: number;
  /** Diagnostics for the developer console; never given a record. */
  warn?: (message: string) => void;
}

/** A recorded call not in the database yet (a failed write): written, in order, by the next retry. */
type Unwritten = { kind: 'call'; entry: LogEntry; segment: number } | { kind: 'repeat'; headSeq: number; entry: LogEntry };

interface SegmentStats {
  entries: number;
  bytes: number;
  newestMs: number;
}

interface FoldHead {
  seq: number;
  fingerprint: string;
  segment: number;
}

const store = 'task log';
const skippedLinesKept = 50;
/** Calls kept in memory while the database refuses them (a full disk, a newer version's file); the oldest go first. */
const unwrittenKept = 10_000;

/**
 * The task log: every TRTC API call as one row of the app's database (log-table.ts), redacted before
 * it is stored.
 *
 * - `record` is synchronous and never throws into the caller: it redacts, numbers and commits the
 *   entry in its own transaction (a commit is in the WAL before `record` returns; see AppDatabase), or
 *   joins the transaction the caller is in. A failed write (a full disk, a read-only database) keeps
 *   the entry in memory, shows as `writeError` and is retried, in order.
 * - Segments stand for the files the log once wrote: a new one before one would pass `maxFileBytes`,
 *   and retention (`maxFiles` newest segments, none whose newest call is older than `maxAgeDays`) is a
 *   DELETE of whole segments, in slices of `pruneSliceRows` rows so no DELETE holds the main thread
 *   long; applied at start, when a segment closes and when the setting changes.
 * - Folding: a DescribeStreamIngest for a task whose previous call (in this segment, since start-up)
 *   was a Describe with the same purpose, outcome, error and response is folded into that row (count,
 *   last time, last RequestId) instead of a row of its own; it still takes a sequence number.
 * - Filters are indexed queries; the text filter goes through an FTS5 trigram index (see whereOf).
 */
export class TaskLog implements ApiCallRecorder {
  readonly #db: AppDatabase;
  /** False only where the runtime's SQLite lacks FTS5: the text filter then scans. */
  readonly #searchIndexed: boolean;
  readonly #options: Required<Omit<TaskLogOptions, 'events' | 'database'>> & { events?: EventBus };
  readonly #settings: DatabaseDocument<LogRetention>;
  readonly #segments = new Map<number, SegmentStats>();
  readonly #folds = new Map<string, FoldHead>();
  #unwritten: Unwritten[] = [];
  #segment = 1;
  #seq = 0;
  #writeError: LogStatus['writeError'] = null;
  #retryTimer: NodeJS.Timeout | undefined;
  #eventTimer: NodeJS.Timeout | undefined;
  #appendedSinceEvent = 0;
  #pruning: Promise<void> = Promise.resolve();
  #pruneAgain = false;
  #closed = false;
  #taskState: TaskStateProvider | undefined;

  private constructor(options: TaskLogOptions) {
    this.#db = options.database;
    this.#searchIndexed = hasSearchIndex(options.database);
    this.#options = {
      clock: options.clock,
      maxFileBytes: 5 * 1024 * 1024,
      eventIntervalMs: 250,
      retryMs: 2000,
      pruneSliceRows: 2000,
      ...(options.events ? { events: options.events } : {}),
      ...withoutUndefined(options),
      warn: options.warn ?? (() => {}),
    };
    this.#settings = DatabaseDocument.open(options.database, logSettingsDocument);
  }

  static async open(options: TaskLogOptions): Promise<TaskLog> {
    const log = new TaskLog(options);
    log.#load();
    await log.#prune();
    return log;
  }

  get taskStateProvider(): TaskStateProvider | undefined {
    return this.#taskState;
  }

  /** The tasks domain hands its view of tasks to the diagnostic bundle through this. */
  useTaskStateProvider(provider: TaskStateProvider): void {
    this.#taskState = provider;
  }

  record(record: ApiCallRecord): void {
    try {
      if (this.#closed) {
        this.#options.warn('[log] a call was recorded after the log closed; it is not kept');
        return;
      }
      this.#append(record);
    } catch (error) {
      // A bug here must not break the API call that is being recorded.
      this.#failed(error);
    }
  }

  async query(filter: LogFilter, offset: number, limit: number): Promise<LogPage> {
    const { sql, values } = whereOf(filter, this.#searchIndexed);
    const total = (this.#db.statement(`SELECT count(*) AS n FROM log_entries ${sql}`).get(...values) as { n: number }).n;
    const rows = this.#db
      .statement(`SELECT entry, repeat FROM log_entries ${sql} ORDER BY seq DESC LIMIT ? OFFSET ?`)
      .all(...values, limit, offset) as unknown as StoredRow[];
    return { rows: rows.map((row) => rowOf(entryOfRow(row))), total, offset, newestSeq: this.#seq, complete: true };
  }

  async entry(id: string): Promise<LogEntry> {
    const row = this.#db.statement('SELECT entry, repeat FROM log_entries WHERE id = ?').get(id) as StoredRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'This log entry is no longer in the log.', { id });
    return entryOfRow(row);
  }

  /** The newest `limit` entries matching `filter`, in full, read row by row (exports, the bundle). */
  async entries(filter: LogFilter, limit: number): Promise<{ entries: LogEntry[]; total: number }> {
    const { sql, values } = whereOf(filter, this.#searchIndexed);
    const total = (this.#db.statement(`SELECT count(*) AS n FROM log_entries ${sql}`).get(...values) as { n: number }).n;
    const entries: LogEntry[] = [];
    const rows = this.#db.statement(`SELECT entry, repeat FROM log_entries ${sql} ORDER BY seq DESC LIMIT ?`).iterate(...values, limit);
    for (const row of rows) entries.push(entryOfRow(row as unknown as StoredRow));
    return { entries, total };
  }

  facets(): LogFacets {
    const apps = this.#db.statement('SELECT DISTINCT sdk_app_id AS app FROM log_entries WHERE sdk_app_id IS NOT NULL ORDER BY 1').all() as {
      app: number;
    }[];
    const rooms = this.#db
      .statement('SELECT DISTINCT room_id AS room FROM log_entries WHERE room_id IS NOT NULL ORDER BY 1 LIMIT 500')
      .all() as { room: string }[];
    return { sdkAppIds: apps.map((row) => row.app), roomIds: rooms.map((row) => row.room) };
  }

  status(): LogStatus {
    let entries = 0;
    let bytes = 0;
    for (const stats of this.#segments.values()) {
      entries += stats.entries;
      bytes += stats.bytes;
    }
    const skipped = this.#skipped();
    return {
      entries,
      files: this.#segments.size,
      bytes,
      newestSeq: this.#seq,
      skipped: skipped.count,
      skippedLines: skipped.lines,
      writeError: this.#writeError,
      pending: this.#unwritten.length,
      indexing: false,
      // A commit is in the WAL when `record` returns; its fsync follows in the thread pool.
      unsynced: 0,
      retention: this.#settings.value,
    };
  }

  async updateRetention(patch: Partial<LogRetention>): Promise<LogStatus> {
    await this.#settings.update((current) => ({ ...current, ...patch }));
    await this.#prune();
    this.#changed(0);
    return this.status();
  }

  /** Resolves once every call recorded so far is committed, or its write has failed again. */
  async flushed(): Promise<void> {
    if (this.#unwritten.length > 0) this.#writeUnwritten();
    await this.#pruning;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of [this.#retryTimer, this.#eventTimer]) clearTimeout(timer);
    await this.#pruning;
    if (this.#unwritten.length > 0 && this.#db.isOpen) this.#writeUnwritten();
  }

  #append(record: ApiCallRecord): void {
    const seq = this.#seq + 1;
    // The page call being handled, if any (the dispatcher sets it); polls and timers have none.
    const entry = redactSecrets(entryOf(record, newEntryId(), seq, currentCallId()));
    const head = entry.action === 'DescribeStreamIngest' && entry.taskId !== undefined ? this.#folds.get(entry.taskId) : undefined;
    const fingerprint = entry.action === 'DescribeStreamIngest' ? fingerprintOf(entry) : '';
    const foldable = head !== undefined && head.segment === this.#segment && head.fingerprint === fingerprint;
    this.#seq = seq;
    let item: Unwritten;
    if (foldable) item = { kind: 'repeat', headSeq: head.seq, entry };
    else {
      // A row would take about its JSON; a new segment starts before one would pass the size.
      const current = this.#segments.get(this.#segment);
      const size = Buffer.byteLength(JSON.stringify(entry)) + 1;
      if (current && current.bytes > 0 && current.bytes + size > this.#options.maxFileBytes) this.#rotate();
      item = { kind: 'call', entry, segment: this.#segment };
    }
    if (entry.taskId !== undefined) {
      if (entry.action !== 'DescribeStreamIngest') this.#folds.delete(entry.taskId);
      else if (item.kind === 'call') this.#folds.set(entry.taskId, { seq, fingerprint, segment: this.#segment });
    }
    this.#unwritten.push(item);
    if (this.#unwritten.length > unwrittenKept) this.#unwritten.shift();
    // In order: nothing is written past a call still waiting for its retry.
    if (this.#unwritten.length === 1) this.#writeUnwritten();
    else this.#scheduleRetry();
    this.#changed(1);
  }

  #rotate(): void {
    this.#segment++;
    this.#folds.clear();
    if (!this.#closed) this.#prune().catch((error: unknown) => this.#failed(error));
  }

  /** Commits every unwritten call in one transaction; on failure they stay, in order, for the retry. */
  #writeUnwritten(): void {
    const items = this.#unwritten;
    const added = new Map<number, SegmentStats>();
    try {
      this.#db.write(store, () => {
        for (const item of items) {
          const at = Date.parse(item.entry.at);
          if (item.kind === 'call') {
            const bytes = insertEntry(this.#db, item.entry, item.segment);
            const stats = added.get(item.segment) ?? { entries: 0, bytes: 0, newestMs: 0 };
            added.set(item.segment, { entries: stats.entries + 1, bytes: stats.bytes + bytes, newestMs: Math.max(stats.newestMs, at) });
          } else {
            const { seq, at: when, requestId, latencyMs } = item.entry;
            // The row it folds into is gone (retention): the call is lost as a repeat, never as an error.
            foldRepeat(this.#db, item.headSeq, { seq, at: when, latencyMs, ...(requestId !== undefined ? { requestId } : {}) });
          }
        }
      });
    } catch (error) {
      this.#failed(error);
      this.#scheduleRetry();
      return;
    }
    this.#unwritten = this.#unwritten.slice(items.length);
    for (const [segment, more] of added) {
      const stats = this.#segments.get(segment) ?? { entries: 0, bytes: 0, newestMs: 0 };
      this.#segments.set(segment, {
        entries: stats.entries + more.entries,
        bytes: stats.bytes + more.bytes,
        newestMs: Math.max(stats.newestMs, more.newestMs),
      });
    }
    if (this.#writeError) {
      this.#writeError = null;
      this.#changed(0);
    }
  }

  #scheduleRetry(): void {
    // A database from a newer version stays read-only for this run: the calls are shown as pending, never retried.
    if (this.#retryTimer || this.#closed || this.#db.readOnly) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (this.#unwritten.length > 0) this.#writeUnwritten();
    }, this.#options.retryMs);
    this.#retryTimer.unref();
  }

  #failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.#writeError = { message, at: new Date(this.#options.clock.now()).toISOString() };
    this.#options.warn(`[log] writing the task log failed: ${message}`);
    this.#changed(0);
  }

  /** Batches `log.appended` so a burst of calls is one push to the page. */
  #changed(appended: number): void {
    this.#appendedSinceEvent += appended;
    if (this.#eventTimer || !this.#options.events) return;
    this.#eventTimer = setTimeout(() => {
      this.#eventTimer = undefined;
      const count = this.#appendedSinceEvent;
      this.#appendedSinceEvent = 0;
      this.#options.events?.emit('log.appended', { count, newestSeq: this.#seq, status: this.status() });
    }, this.#options.eventIntervalMs);
    this.#eventTimer.unref();
  }

  /** The segments' sizes and the last sequence number: one small table, nothing to index at start. */
  #load(): void {
    const rows = this.#db.statement('SELECT segment, entries, bytes, newest_ms, last_seq FROM log_segments ORDER BY segment').all() as {
      segment: number;
      entries: number;
      bytes: number;
      newest_ms: number;
      last_seq: number;
    }[];
    for (const row of rows) {
      this.#segments.set(row.segment, { entries: row.entries, bytes: row.bytes, newestMs: row.newest_ms });
      this.#seq = Math.max(this.#seq, row.last_seq);
    }
    const last = rows.at(-1);
    // As a file was: a full last segment is closed, a new start opens the next one.
    this.#segment = last ? (last.bytes < this.#options.maxFileBytes ? last.segment : last.segment + 1) : 1;
  }

  /** Lines an import from the log's files could not read, kept aside (see legacy-log.ts). */
  #skipped(): { count: number; lines: LogSkippedLine[] } {
    const count = (this.#db.statement('SELECT count(*) AS n FROM kept_aside WHERE store = ?').get(legacyLogStore) as { n: number }).n;
    if (count === 0) return { count, lines: [] };
    const rows = this.#db
      .statement('SELECT id, reason FROM kept_aside WHERE store = ? ORDER BY seq LIMIT ?')
      .all(legacyLogStore, skippedLinesKept) as { id: string; reason: string }[];
    const lines = rows.map((row) => {
      const [file = '', line = '0'] = row.id.split(':');
      return { file, line: Number(line), reason: row.reason as LogSkippedLine['reason'] };
    });
    return { count, lines };
  }

  /** Runs retention once the one running is done; a change meanwhile runs it again. */
  #prune(): Promise<void> {
    this.#pruneAgain = true;
    this.#pruning = this.#pruning.then(async () => {
      while (this.#pruneAgain && !this.#closed) {
        this.#pruneAgain = false;
        await this.#pruneOnce();
      }
    });
    return this.#pruning;
  }

  /** Deletes segments beyond the retention setting (never the current one), a slice of rows per turn. */
  async #pruneOnce(): Promise<void> {
    if (this.#db.readOnly) return;
    const { maxFiles, maxAgeDays } = this.#settings.value;
    const older = [...this.#segments.keys()].filter((segment) => segment !== this.#segment).sort((a, b) => a - b);
    const total = older.length + (this.#segments.has(this.#segment) ? 1 : 0);
    const excess = Math.max(0, total - maxFiles);
    const cutoff = this.#options.clock.now() - maxAgeDays * 86_400_000;
    const doomed = older.filter((segment, position) => position < excess || (this.#segments.get(segment)?.newestMs ?? 0) < cutoff);
    for (const segment of doomed) {
      for (let left = true; left; ) {
        if (this.#closed) return;
        left = this.#db.write(store, () => {
          const seqs = (
            this.#db.statement('SELECT seq FROM log_entries WHERE segment = ? LIMIT ?').all(segment, this.#options.pruneSliceRows) as {
              seq: number;
            }[]
          ).map((row) => row.seq);
          if (seqs.length === 0) {
            this.#db.statement('DELETE FROM log_segments WHERE segment = ?').run(segment);
            return false;
          }
          const list = JSON.stringify(seqs);
          this.#db.statement('DELETE FROM log_search WHERE rowid IN (SELECT value FROM json_each(?))').run(list);
          this.#db.statement('DELETE FROM log_entries WHERE seq IN (SELECT value FROM json_each(?))').run(list);
          return true;
        });
        if (left) await new Promise((resolve) => setImmediate(resolve));
      }
      this.#segments.delete(segment);
      for (const [taskId, head] of this.#folds) if (head.segment === segment) this.#folds.delete(taskId);
    }
  }
}

function withoutUndefined(options: TaskLogOptions): Partial<TaskLogOptions> {
  return Object.fromEntries(Object.entries(options).filter(([key, value]) => value !== undefined && key !== 'database'));
}
