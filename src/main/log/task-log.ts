import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/contract';
import type { LogEntry, LogFacets, LogFilter, LogPage, LogRetention, LogSkippedLine, LogStatus } from '../../shared/contract/log';
import type { Clock } from '../app/clock';
import type { EventBus } from '../app/event-bus';
import { JsonDocument } from '../storage/json-document';
import type { StoreProblems } from '../storage/store-problems';
import type { ApiCallRecord, ApiCallRecorder } from '../trtc/api-call-record';
import { callLine, entryOf, fingerprintOf, newEntryId, repeatLine } from './log-entries';
import { FileAppender, listLogFiles, logFileName, logFileNumber } from './log-files';
import { LogIndex, type LogLocation, rowOf } from './log-index';
import type { LogLine } from './log-line';
import { readEntries } from './log-lines';
import { readLogFile } from './log-reader';
import { logSettingsDocument } from './log-settings';
import { redactSecrets } from './redaction';
import type { TaskStateProvider } from './task-state-provider';

export interface TaskLogOptions {
  dataDir: string;
  clock: Clock;
  problems: StoreProblems;
  events?: EventBus;
  /** Rotate to a new file before one would grow past this. Default 5 MiB. */
  maxFileBytes?: number;
  /** Longest time a written line may wait for fsync. Default 1000 ms. */
  syncIntervalMs?: number;
  /** `log.appended` is pushed at most this often. Default 250 ms. */
  eventIntervalMs?: number;
  /** After a failed write, try again this much later. Default 2000 ms. */
  retryMs?: number;
  /** Diagnostics for the developer console; never given a record. */
  warn?: (message: string) => void;
}

interface Pending {
  file: string;
  text: string;
  /** The call line's sequence number, for `#unwritten`; undefined for a repeat line. */
  callSeq?: number;
  /** Start and Stop lines: the ones that must survive a crash (a TaskId that exists, a task that was stopped). */
  urgent: boolean;
}

interface FileStats {
  bytes: number;
  newestMs: number;
}

interface FoldHead {
  id: string;
  seq: number;
  fingerprint: string;
  file: string;
}

const skippedLinesKept = 50;

/**
 * The task log: every TRTC API call as one JSON line under `<dataDir>/log/`, append-only.
 *
 * - `record` is synchronous and cheap and never throws into the caller: it redacts, numbers and
 *   indexes the entry, and queues the line; a queue writes lines in order. A failed write keeps the
 *   lines queued, shows as `writeError` in the status and is retried.
 * - fsync policy: a batch holding a Start or Stop line is fsynced before the queue moves on (those
 *   lines must survive a crash); other lines are fsynced at most `syncIntervalMs` (1 s) after they were
 *   written; rotation and close fsync too. A crash can lose at most about a second of Describe/Update lines.
 * - Rotation: a new file before one would pass `maxFileBytes` (5 MiB). Retention (JsonDocument
 *   `log/settings.json`): keep the newest `maxFiles` files and none whose newest line is older than
 *   `maxAgeDays`; applied at start-up, on rotation and when the setting changes.
 * - Folding: a DescribeStreamIngest for a task whose previous call (in this file, since start-up) was
 *   a Describe with the same purpose, outcome, error and response is written as a small "repeat" line
 *   and shown as one row with a count (see log-line.ts).
 * - Reading: every retained line is parsed at start-up into a compact in-memory index (log-index.ts:
 *   what the filters and the table need, and where each line is); an unreadable line (a torn last line
 *   after a crash) is skipped and counted, never fatal. Rows, details and exports are read back from
 *   disk by offset (log-lines.ts); lines not written yet are answered from `#unwritten`.
 */
export class TaskLog implements ApiCallRecorder {
  readonly #options: Required<Omit<TaskLogOptions, 'events'>> & { events?: EventBus };
  readonly #dir: string;
  readonly #index = new LogIndex();
  readonly #files = new Map<string, FileStats>();
  readonly #folds = new Map<string, FoldHead>();
  /** Call entries recorded but not on disk yet (queued, or waiting for a failed write's retry), by sequence number. */
  readonly #unwritten = new Map<number, LogEntry>();
  readonly #appender: FileAppender;
  readonly #settings: JsonDocument<LogRetention>;
  #currentNumber = 1;
  #currentBytes = 0;
  #seq = 0;
  #skipped = 0;
  #skippedLines: LogSkippedLine[] = [];
  #pending: Pending[] = [];
  #unsynced = 0;
  #lastSyncMs = 0;
  #writeError: LogStatus['writeError'] = null;
  #queue: Promise<void> = Promise.resolve();
  #flushScheduled = false;
  #syncTimer: NodeJS.Timeout | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #eventTimer: NodeJS.Timeout | undefined;
  #appendedSinceEvent = 0;
  #lastWrittenFile: string | undefined;
  #closed = false;
  #indexed: Promise<void> = Promise.resolve();
  #indexing = false;
  #taskState: TaskStateProvider | undefined;

  private constructor(options: TaskLogOptions, settings: JsonDocument<LogRetention>) {
    this.#options = {
      maxFileBytes: 5 * 1024 * 1024,
      syncIntervalMs: 1000,
      eventIntervalMs: 250,
      retryMs: 2000,
      ...options,
      warn: options.warn ?? (() => {}),
    };
    this.#dir = join(options.dataDir, 'log');
    this.#appender = new FileAppender(this.#dir);
    this.#settings = settings;
  }

  static async open(options: TaskLogOptions): Promise<TaskLog> {
    const dir = join(options.dataDir, 'log');
    await mkdir(dir, { recursive: true });
    const settings = await JsonDocument.open({ ...logSettingsDocument, dataDir: dir, clock: options.clock, problems: options.problems });
    const log = new TaskLog(options, settings);
    await log.#load();
    await log.#prune();
    return log;
  }

  /** Resolves once every retained file is in the index (see #load). */
  whenIndexed(): Promise<void> {
    return this.#indexed;
  }

  get directory(): string {
    return this.#dir;
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
    const newestSeq = this.#seq;
    const complete = !this.#indexing;
    const { locations, total } = this.#index.query(filter, offset, limit);
    const rows = (await this.#read(locations)).map(rowOf);
    return { rows, total, offset, newestSeq, complete };
  }

  async entry(id: string): Promise<LogEntry> {
    const candidates = this.#index.candidates(id);
    const found = (await this.#read(candidates)).find((entry) => entry.id === id);
    if (!found) throw new AppError('NOT_FOUND', 'This log entry is no longer in the log.', { id });
    return found;
  }

  async entries(filter: LogFilter, limit: number): Promise<{ entries: LogEntry[]; total: number }> {
    const { locations, total } = this.#index.query(filter, 0, limit);
    return { entries: await this.#read(locations), total };
  }

  /** Full entries at `locations`, in order: unwritten ones from memory, the rest from disk; those gone are left out. */
  async #read(locations: LogLocation[]): Promise<LogEntry[]> {
    const found: (LogEntry | undefined)[] = locations.map((location) => {
      const entry = this.#unwritten.get(location.seq);
      return entry && { ...entry, ...(location.repeat ? { repeat: location.repeat } : {}) };
    });
    const onDisk = locations.filter((_, position) => found[position] === undefined);
    if (onDisk.length > 0) {
      const moved = (file: string) => this.#options.warn(`[log] lines of ${file} were not at their offsets; found by sequence number`);
      const read = await readEntries(this.#dir, onDisk, moved);
      let next = 0;
      for (let position = 0; position < found.length; position++) if (found[position] === undefined) found[position] = read[next++];
    }
    return found.filter((entry) => entry !== undefined);
  }

  facets(): LogFacets {
    return this.#index.facets();
  }

  status(): LogStatus {
    let bytes = 0;
    for (const stats of this.#files.values()) bytes += stats.bytes;
    return {
      entries: this.#index.size,
      files: this.#files.size,
      bytes,
      newestSeq: this.#seq,
      skipped: this.#skipped,
      skippedLines: [...this.#skippedLines],
      writeError: this.#writeError,
      pending: this.#pending.length,
      indexing: this.#indexing,
      unsynced: this.#unsynced,
      retention: this.#settings.value,
    };
  }

  async updateRetention(patch: Partial<LogRetention>): Promise<LogStatus> {
    await this.#settings.update((current) => ({ ...current, ...patch }));
    await this.#enqueue(() => this.#prune());
    this.#changed(0);
    return this.status();
  }

  /** Resolves once every line recorded so far has been written (or has failed to). */
  async flushed(): Promise<void> {
    await this.#enqueue(() => this.#writePending());
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of [this.#syncTimer, this.#retryTimer, this.#eventTimer]) clearTimeout(timer);
    await this.#indexed;
    await this.#enqueue(() => this.#writePending());
    await this.#enqueue(() => this.#appender.close());
  }

  #append(record: ApiCallRecord): void {
    const seq = this.#seq + 1;
    const entry = redactSecrets(entryOf(record, newEntryId(), seq));
    let file = logFileName(this.#currentNumber);
    const fold = entry.action === 'DescribeStreamIngest' && entry.taskId !== undefined ? this.#foldable(entry, file) : undefined;
    let line: LogLine = fold ? repeatLine(entry, fold.id) : callLine(entry);
    let text = `${JSON.stringify(line)}\n`;
    let bytes = Buffer.byteLength(text);
    if (this.#currentBytes > 0 && this.#currentBytes + bytes > this.#options.maxFileBytes) {
      this.#currentNumber++;
      this.#currentBytes = 0;
      this.#folds.clear();
      file = logFileName(this.#currentNumber);
      if (line.type === 'repeat') {
        line = callLine(entry);
        text = `${JSON.stringify(line)}\n`;
        bytes = Buffer.byteLength(text);
      }
    }

    this.#seq = seq;
    if (line.type === 'repeat') this.#index.applyRepeat((fold as FoldHead).seq, line);
    else {
      // The line's bytes without its "\n": where log-lines.ts will find it once written.
      this.#index.add(entry, file, this.#currentBytes, bytes - 1);
      this.#unwritten.set(seq, entry);
    }
    if (entry.taskId !== undefined) {
      if (entry.action === 'DescribeStreamIngest') {
        if (line.type === 'call') this.#folds.set(entry.taskId, { id: entry.id, seq, fingerprint: fingerprintOf(entry), file });
      } else this.#folds.delete(entry.taskId);
    }
    this.#currentBytes += bytes;
    const stats = this.#files.get(file) ?? { bytes: 0, newestMs: 0 };
    stats.bytes += bytes;
    stats.newestMs = Math.max(stats.newestMs, Date.parse(entry.at) || 0);
    this.#files.set(file, stats);

    const urgent = entry.action === 'StartStreamIngest' || entry.action === 'StopStreamIngest';
    this.#pending.push({ file, text, urgent, ...(line.type === 'call' ? { callSeq: seq } : {}) });
    this.#scheduleFlush();
    this.#changed(1);
  }

  #foldable(entry: LogEntry, file: string): FoldHead | undefined {
    const head = this.#folds.get(entry.taskId as string);
    return head && head.file === file && head.fingerprint === fingerprintOf(entry) ? head : undefined;
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      void this.#enqueue(() => this.#writePending());
    });
  }

  /** Runs `step` after everything queued before it; a failure never blocks the queue. */
  #enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(step, step);
    this.#queue = next.catch((error: unknown) => this.#failed(error));
    return this.#queue;
  }

  async #writePending(): Promise<void> {
    let rotated = false;
    while (this.#pending.length > 0) {
      const first = this.#pending[0] as Pending;
      let count = 0;
      let urgent = false;
      let text = '';
      for (const item of this.#pending) {
        if (item.file !== first.file) break;
        text += item.text;
        urgent ||= item.urgent;
        count++;
      }
      rotated ||= this.#lastWrittenFile !== undefined && this.#lastWrittenFile !== first.file;
      try {
        await this.#appender.write(first.file, text);
      } catch (error) {
        this.#failed(error);
        this.#scheduleRetry();
        return;
      }
      this.#lastWrittenFile = first.file;
      for (const item of this.#pending.splice(0, count)) if (item.callSeq !== undefined) this.#unwritten.delete(item.callSeq);
      this.#unsynced += count;
      if (this.#writeError) {
        this.#writeError = null;
        this.#changed(0);
      }
      if (urgent) await this.#sync();
      else this.#scheduleSync();
    }
    // Only once everything queued is on disk: a file still waiting for its lines is never pruned.
    if (rotated) await this.#prune();
  }

  async #sync(): Promise<void> {
    clearTimeout(this.#syncTimer);
    this.#syncTimer = undefined;
    await this.#appender.sync();
    this.#unsynced = 0;
    this.#lastSyncMs = this.#options.clock.now();
  }

  #scheduleSync(): void {
    if (this.#syncTimer || this.#unsynced === 0) return;
    const wait = Math.max(0, this.#lastSyncMs + this.#options.syncIntervalMs - this.#options.clock.now());
    this.#syncTimer = setTimeout(() => {
      this.#syncTimer = undefined;
      void this.#enqueue(() => this.#sync());
    }, wait);
    this.#syncTimer.unref();
  }

  #scheduleRetry(): void {
    if (this.#retryTimer || this.#closed) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      void this.#enqueue(() => this.#writePending());
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

  /**
   * Opening reads the newest file (at most `maxFileBytes`), so the log answers at once with its newest
   * entries; older files are indexed after that, newest first, yielding between files. Until then
   * `status().indexing` is true and a query says `complete: false`.
   */
  async #load(): Promise<void> {
    const files = await listLogFiles(this.#dir);
    for (const file of files) this.#files.set(file, { bytes: (await stat(join(this.#dir, file))).size, newestMs: 0 });
    const last = files.at(-1);
    const lastNumber = last ? (logFileNumber(last) ?? 0) : 0;
    const lastBytes = last ? (this.#files.get(last)?.bytes ?? 0) : 0;
    if (last && lastBytes < this.#options.maxFileBytes) {
      this.#currentNumber = lastNumber;
      this.#currentBytes = lastBytes;
    } else {
      this.#currentNumber = lastNumber + 1;
      this.#currentBytes = 0;
    }
    this.#lastSyncMs = this.#options.clock.now();

    // Newest files now, until one holds a line: the sequence number continues from it.
    const older = [...files];
    while (older.length > 0 && this.#seq === 0) await this.#indexFile(older.pop() as string);
    if (older.length === 0) return;
    this.#indexing = true;
    this.#indexed = this.#indexOlder(older.reverse());
  }

  async #indexOlder(newestFirst: string[]): Promise<void> {
    try {
      for (const file of newestFirst) {
        if (this.#closed) return;
        await new Promise((resolve) => setImmediate(resolve));
        await this.#indexFile(file).catch((error: unknown) => this.#options.warn(`[log] could not read ${file}: ${String(error)}`));
      }
    } finally {
      this.#indexing = false;
    }
    await this.#enqueue(() => this.#prune());
    this.#changed(0);
  }

  /** Reads one file into the index, before everything indexed so far. */
  async #indexFile(file: string): Promise<void> {
    const read = await readLogFile(this.#dir, file, this.#index.dictionary);
    this.#files.set(file, { bytes: read.bytes, newestMs: read.newestMs });
    // The appender puts a "\n" after a torn last line before the next one: offsets count it.
    if (file === logFileName(this.#currentNumber) && read.endsTorn) this.#currentBytes = read.bytes + 1;
    for (const skipped of read.skipped) this.#skip(skipped);
    this.#seq = Math.max(this.#seq, read.maxSeq);
    this.#index.prependOlder(read.index);
  }

  #skip(line: LogSkippedLine): void {
    this.#skipped++;
    if (this.#skippedLines.length < skippedLinesKept) this.#skippedLines.push(line);
    this.#options.warn(`[log] skipped ${line.reason} line ${line.line} of ${line.file}`);
  }

  /** Deletes files beyond the retention setting; never the file being written nor one with lines still queued. */
  async #prune(): Promise<void> {
    // The age of a file not indexed yet is unknown; the end of indexing prunes.
    if (this.#indexing) return;
    const { maxFiles, maxAgeDays } = this.#settings.value;
    const current = logFileName(this.#currentNumber);
    const waiting = new Set(this.#pending.map((item) => item.file));
    const older = [...this.#files.keys()]
      .filter((file) => file !== current && !waiting.has(file))
      .sort((a, b) => (logFileNumber(a) ?? 0) - (logFileNumber(b) ?? 0));
    const total = older.length + (this.#files.has(current) ? 1 : 0);
    const excess = Math.max(0, total - maxFiles);
    const cutoff = this.#options.clock.now() - maxAgeDays * 86_400_000;
    const doomed = older.filter((file, position) => position < excess || (this.#files.get(file)?.newestMs ?? 0) < cutoff);
    for (const file of doomed) {
      await rm(join(this.#dir, file), { force: true });
      this.#files.delete(file);
      this.#index.dropFile(file);
      for (const [taskId, head] of this.#folds) if (head.file === file) this.#folds.delete(taskId);
    }
  }
}
