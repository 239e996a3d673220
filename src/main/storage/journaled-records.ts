import { writeSync } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/contract';
import type { Clock } from '../app/clock';
import { keepAside, loadEnvelopeFile, readOnlyError, reportProblem, writeEnvelopeFile } from './envelope-file';
import type { StoreProblems } from './store-problems';

/** A collection of records changed one at a time; the stores of launch records and board tasks use it. */
export interface RecordStore<R extends { id: string }> {
  readonly readOnly: boolean;
  /** In the order the records were first added. */
  values(): R[];
  get(id: string): R | undefined;
  /** Adds or replaces records, in one write (acknowledged as the store's `acknowledge` option says). */
  put(...records: R[]): Promise<void>;
  /** Changes one record as it is when the write runs (writes are queued); undefined if there is none. */
  update(id: string, change: (current: R) => R): Promise<R | undefined>;
  remove(id: string): Promise<boolean>;
  /** Waits for queued writes and releases the file. */
  close(): Promise<void>;
}

export interface JournaledRecordsOptions<R extends { id: string }> {
  dataDir: string;
  /** The snapshot's file name, e.g. "tasks.json"; the journal is "<file>.journal" beside it. */
  file: string;
  version: number;
  /** The snapshot is `{ "version": N, "data": { [key]: R[] } }`, the format JsonDocument writes. */
  key: string;
  recordSchema: z.ZodType<R>;
  maxRecords: number;
  clock: Clock;
  problems: StoreProblems;
  /** Upgrades the data part of an older snapshot (journal lines are upgraded as a one-record snapshot). */
  migrate?: (data: unknown, fromVersion: number) => unknown;
  /** Journal lines after which the snapshot is rewritten and the journal removed. */
  compactAfter?: number;
  /**
   * When a change resolves. `synced` (the default): after its line's fdatasync. `written`: once its
   * line is written, which a crash or kill of the app cannot undo; the fdatasync starts on the next
   * turn of the event loop, in the background, and only a power loss or kernel crash before it ends
   * can lose the line. Syncs that find one still running wait and run once for all (group commit); a
   * failed one is reported as a store problem. For a store whose caller is waiting on the network
   * anyway (launch records).
   */
  acknowledge?: 'synced' | 'written';
}

type JournalEntry<R> = { put: R } | { remove: string };

/**
 * Records kept as a snapshot plus an append-only journal, so a change costs one validated record, one
 * small append and one fdatasync, not a rewrite of every record (a launch writes its record twice;
 * with a thousand records a whole-file rewrite cost more than the Start itself).
 *
 * On disk: the snapshot `<file>` (atomic, as JsonDocument writes it) and `<file>.journal`, a header
 * line then one `{"put":record}` or `{"remove":id}` per line. Opening replays the journal over the
 * snapshot, then writes a new snapshot and removes the journal; so does reaching `compactAfter` lines.
 * Crash safety: a change resolves only after its line is fdatasync'd (with `acknowledge: 'written'`,
 * once it is written); a crash mid-append leaves a torn last line, which was never acknowledged and
 * is dropped; a crash between a new snapshot and the journal's removal replays lines the snapshot
 * already holds, which is harmless (puts and removes by id are idempotent). A complete line that
 * does not parse is corruption: the lines before it are kept, the journal is moved aside and
 * reported, like a corrupt document.
 */
export class JournaledRecords<R extends { id: string }> implements RecordStore<R> {
  readonly #options: JournaledRecordsOptions<R>;
  readonly #records = new Map<string, R>();
  #readOnly = false;
  #queue: Promise<unknown> = Promise.resolve();
  /** Bytes and entries in the journal file (0 bytes: there is none). */
  #journalBytes = 0;
  #journalEntries = 0;
  /** The journal, open for appending while the store is (one open per change cost as much as the write). */
  #handle: FileHandle | null = null;
  /** `written` mode: the background fdatasync running, and whether lines were written since it began. */
  #syncing: Promise<void> | null = null;
  #unsynced = false;
  #directoryUnsynced = false;
  #syncFailureReported = false;

  private constructor(options: JournaledRecordsOptions<R>) {
    this.#options = options;
  }

  static async open<R extends { id: string }>(options: JournaledRecordsOptions<R>): Promise<JournaledRecords<R>> {
    const store = new JournaledRecords(options);
    await mkdir(options.dataDir, { recursive: true });
    const loaded = await loadEnvelopeFile({ ...options, schema: store.#fileSchema() });
    for (const record of loaded.value?.[options.key] ?? []) store.#records.set(record.id, record);
    store.#readOnly = loaded.readOnly;
    if (store.#readOnly) return store;
    if (await store.#replayJournal()) await store.#compact();
    return store;
  }

  get readOnly(): boolean {
    return this.#readOnly;
  }

  get journalPath(): string {
    return join(this.#options.dataDir, `${this.#options.file}.journal`);
  }

  values(): R[] {
    return [...this.#records.values()];
  }

  get(id: string): R | undefined {
    return this.#records.get(id);
  }

  put(...records: R[]): Promise<void> {
    return this.#enqueue(async () => {
      const parsed = records.map((record) => this.#options.recordSchema.parse(record));
      const added = new Set(parsed.map((record) => record.id).filter((id) => !this.#records.has(id)));
      if (this.#records.size + added.size > this.#options.maxRecords) {
        throw new AppError('CONFLICT', `${this.#options.file} already holds the most records it can keep (${this.#options.maxRecords}).`, {
          store: this.#options.file,
        });
      }
      await this.#append(parsed.map((record) => ({ put: record })));
      for (const record of parsed) this.#records.set(record.id, record);
    });
  }

  update(id: string, change: (current: R) => R): Promise<R | undefined> {
    return this.#enqueue(async () => {
      const current = this.#records.get(id);
      if (!current) return undefined;
      const next = this.#options.recordSchema.parse(change(current));
      if (next.id !== id) throw new AppError('INTERNAL', 'A record cannot change its id.', { id });
      await this.#append([{ put: next }]);
      this.#records.set(id, next);
      return next;
    });
  }

  remove(id: string): Promise<boolean> {
    return this.#enqueue(async () => {
      if (!this.#records.has(id)) return false;
      await this.#append([{ remove: id }]);
      this.#records.delete(id);
      return true;
    });
  }

  async close(): Promise<void> {
    await this.#queue;
    await this.#syncing;
    await this.#handle?.close();
    this.#handle = null;
  }

  #enqueue<T>(run: () => Promise<T>): Promise<T> {
    const guarded = () => {
      if (this.#readOnly) throw readOnlyError(this.#options.file);
      return run();
    };
    const result = this.#queue.then(guarded, guarded);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #append(entries: JournalEntry<R>[]): Promise<void> {
    const creating = this.#journalBytes === 0;
    const lines = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
    const text = creating ? `${JSON.stringify({ journal: this.#options.file, version: this.#options.version })}\n${lines}` : lines;
    this.#handle ??= await open(this.journalPath, 'a');
    const syncBehind = this.#options.acknowledge === 'written';
    try {
      if (syncBehind) {
        // A small append to the page cache takes microseconds, less than an asynchronous write's
        // thread-pool round trip, and the caller waits for it either way.
        writeSync(this.#handle.fd, text);
      } else {
        await this.#handle.write(text);
        await this.#handle.datasync();
      }
    } catch (error) {
      // A half-written line must not glue onto the next append.
      await this.#handle.truncate(this.#journalBytes).catch(() => undefined);
      throw error;
    }
    if (syncBehind) {
      this.#unsynced = true;
      this.#directoryUnsynced ||= creating;
      this.#syncing ??= this.#syncInBackground(this.#handle);
    } else if (creating) {
      // A new file's name is durable only once its directory is.
      await syncDirectory(this.#options.dataDir);
    }
    this.#journalBytes += Buffer.byteLength(text);
    this.#journalEntries += entries.length;
    if (this.#compactionDue()) {
      // Queued behind this write, not awaited by it; a failed compaction leaves the journal, tried again later.
      // Writes queued meanwhile each queue one too: the check again when it runs makes the first do the work.
      void this.#enqueue(async () => {
        if (this.#compactionDue()) await this.#compact();
      }).catch(() => undefined);
    }
  }

  /** Syncs until no line written meanwhile is left unsynced; one fdatasync covers every line before it. */
  async #syncInBackground(handle: FileHandle): Promise<void> {
    // On the next turn: handing an fdatasync to the thread pool costs 0.1 ms or so, and the caller's
    // own work this turn (a Start going out, an answer to the page) should not wait behind it.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.#unsynced) {
        this.#unsynced = false;
        const directory = this.#directoryUnsynced;
        this.#directoryUnsynced = false;
        await handle.datasync();
        if (directory) await syncDirectory(this.#options.dataDir);
      }
    } catch (error) {
      this.#unsynced = false;
      if (!this.#syncFailureReported) {
        this.#syncFailureReported = true;
        reportProblem(
          this.#options,
          'sync-failed',
          `${this.#options.file}.journal`,
          error instanceof Error ? error.message : String(error),
        );
      }
    } finally {
      this.#syncing = null;
    }
  }

  #compactionDue(): boolean {
    return this.#journalEntries >= (this.#options.compactAfter ?? 2000);
  }

  /** Applies the journal to the snapshot's records; true if there was a journal file (then it is compacted away). */
  async #replayJournal(): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(this.journalPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const name = `${this.#options.file}.journal`;
    // The text after the last newline is an append a crash cut short: never acknowledged, dropped.
    const lines = text.split('\n').slice(0, -1);
    const [headerLine, ...entryLines] = lines;
    if (headerLine === undefined) return true;
    const header = parseHeader(headerLine);
    if (header === null) {
      await keepAside(this.#options, name, 'the journal has no valid header line');
      return true;
    }
    if (header.version > this.#options.version) {
      this.#readOnly = true;
      reportProblem(this.#options, 'newer-version', name, `version ${header.version} is newer than ${this.#options.version}`);
      return false;
    }
    for (const [index, line] of entryLines.entries()) {
      const entry = this.#parseEntry(line, header.version);
      if (entry === null) {
        await keepAside(this.#options, name, `line ${index + 2} of the journal is not a valid change`);
        return true;
      }
      if ('put' in entry) this.#records.set(entry.put.id, entry.put);
      else this.#records.delete(entry.remove);
    }
    return true;
  }

  #parseEntry(line: string, version: number): JournalEntry<R> | null {
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      return null;
    }
    if (typeof raw !== 'object' || raw === null) return null;
    const { put, remove } = raw as { put?: unknown; remove?: unknown };
    if (typeof remove === 'string') return { remove };
    if (put === undefined) return null;
    const { migrate, key } = this.#options;
    const upgraded =
      version < this.#options.version && migrate ? (migrate({ [key]: [put] }, version) as Record<string, unknown[]>)[key]?.[0] : put;
    const parsed = this.#options.recordSchema.safeParse(upgraded);
    return parsed.success ? { put: parsed.data } : null;
  }

  /** The records as one new snapshot (each was validated when it was put), then no journal. */
  async #compact(): Promise<void> {
    // The handle closes below: a background sync still using it ends first.
    await this.#syncing;
    await writeEnvelopeFile(join(this.#options.dataDir, this.#options.file), this.#options.version, { [this.#options.key]: this.values() });
    await this.#handle?.close();
    this.#handle = null;
    await rm(this.journalPath, { force: true });
    this.#journalBytes = 0;
    this.#journalEntries = 0;
  }

  #fileSchema(): z.ZodType<Record<string, R[]>> {
    return z.object({ [this.#options.key]: z.array(this.#options.recordSchema).max(this.#options.maxRecords) }).strict() as never;
  }
}

function parseHeader(line: string): { version: number } | null {
  try {
    const raw = JSON.parse(line) as { journal?: unknown; version?: unknown };
    return typeof raw.journal === 'string' && typeof raw.version === 'number' && Number.isInteger(raw.version)
      ? { version: raw.version }
      : null;
  } catch {
    return null;
  }
}

/** fsync of the directory, where the platform allows it (Windows cannot open a directory). */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the file's own data is already synced.
  }
}
