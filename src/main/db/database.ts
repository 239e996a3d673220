import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { AppError } from '../../shared/contract';
import type { Clock } from '../app/clock';
import type { StoreProblems } from '../storage/store-problems';
import { migrations, schemaVersion } from './schema';
import { diskFullError, isBusy, isDiskFull, writeFailure } from './sqlite-errors';
import { WalSync } from './wal-sync';

/** The one database file in the data dir. */
export const databaseFileName = 'ingest-desk.db';

export interface OpenDatabaseOptions {
  dataDir: string;
  clock: Clock;
  problems: StoreProblems;
  /** How long a second copy waits for the first to let go before it gives up. Default 2000 ms. */
  busyTimeoutMs?: number;
}

/**
 * The app's SQLite database (node:sqlite, built into Node and Electron: no native module).
 *
 * - WAL with synchronous=NORMAL and the WAL fdatasync'd right behind each commit, off the main thread
 *   (wal-sync.ts): `write` returns once the commit is in the WAL, which no kill of the process can
 *   undo; a power cut can lose only commits whose sync had not ended (about a millisecond), and never
 *   leaves a half transaction. synchronous=FULL fsync'd on the main thread instead, which under a
 *   busy disk stalled every launch (measured on the launch bench: see docs/performance.md).
 * - locking_mode=EXCLUSIVE, taken at open: the OS lock on the file is held until the process closes
 *   it or dies; a second copy on the same data dir fails with CONFLICT. No PID file.
 * - `user_version` is the schema version; older databases are migrated forward at open, a newer one
 *   is opened read-only (query_only) and reported once, so every store alike refuses writes.
 * - A full disk (SQLITE_FULL) rolls the transaction back and throws DISK_FULL.
 */
export class AppDatabase {
  readonly dataDir: string;
  readonly file: string;
  readonly clock: Clock;
  readonly problems: StoreProblems;
  readonly readOnly: boolean;
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  readonly #walSync: WalSync;
  #depth = 0;

  private constructor(options: OpenDatabaseOptions, db: DatabaseSync, readOnly: boolean) {
    this.dataDir = options.dataDir;
    this.file = join(options.dataDir, databaseFileName);
    this.clock = options.clock;
    this.problems = options.problems;
    this.#db = db;
    this.readOnly = readOnly;
    this.#walSync = new WalSync(`${this.file}-wal`, (error) =>
      options.problems.report({
        store: databaseFileName,
        kind: 'sync-failed',
        keptAs: `${databaseFileName}-wal`,
        message: error instanceof Error ? error.message : String(error),
        at: new Date(options.clock.now()).toISOString(),
      }),
    );
  }

  static open(options: OpenDatabaseOptions): AppDatabase {
    const file = join(options.dataDir, databaseFileName);
    let db: DatabaseSync | undefined;
    try {
      mkdirSync(options.dataDir, { recursive: true });
      db = new DatabaseSync(file);
      db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 2000))}`);
      // Before WAL: an exclusive WAL database keeps its index in memory (no -shm file to share).
      db.exec('PRAGMA locking_mode = EXCLUSIVE');
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = NORMAL');
      // Takes the lock now rather than at the first write, so a second copy is refused at start.
      db.exec('BEGIN EXCLUSIVE; COMMIT');
      const found = userVersion(db);
      if (found > schemaVersion) {
        db.exec('PRAGMA query_only = 1');
        options.problems.report({
          store: databaseFileName,
          kind: 'newer-version',
          keptAs: databaseFileName,
          message: `schema version ${found} is newer than ${schemaVersion}`,
          at: new Date(options.clock.now()).toISOString(),
        });
        return new AppDatabase(options, db, true);
      }
      if (found < schemaVersion) migrate(db, found);
      return new AppDatabase(options, db, false);
    } catch (error) {
      db?.close();
      if (isBusy(error)) {
        throw new AppError('CONFLICT', `The data folder ${options.dataDir} is in use by another running copy of the app.`, {
          dataDir: options.dataDir,
        });
      }
      if (isDiskFull(error)) throw diskFullError(options.dataDir);
      throw error;
    }
  }

  /** A prepared statement, kept for the life of the database. */
  statement(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Runs `work` in one transaction and commits it before returning (fsync'd right behind): all of it or none.
   * A write inside a write joins the outer transaction. Throws STORE_UNAVAILABLE on a read-only
   * database and DISK_FULL when the disk is full (after the rollback).
   */
  write<T>(store: string, work: () => T): T {
    if (this.readOnly) throw readOnlyError(store);
    if (this.#depth > 0) return work();
    this.#depth++;
    try {
      this.#db.exec('BEGIN IMMEDIATE');
      const result = work();
      this.#db.exec('COMMIT');
      this.#walSync.committed();
      return result;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw writeFailure(error, this.dataDir);
    } finally {
      this.#depth--;
    }
  }

  /** `PRAGMA integrity_check`'s answer: "ok" when the file is sound. */
  integrityCheck(): string {
    const rows = this.#db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    return rows.map((row) => row.integrity_check).join('; ');
  }

  /** Test seam: the PRAGMAs a test sets to provoke SQLITE_FULL (max_page_count). */
  pragma(text: string): unknown {
    return this.#db.prepare(`PRAGMA ${text}`).all();
  }

  get isOpen(): boolean {
    return this.#db.isOpen;
  }

  /** Resolves once every commit so far is fsync'd (tests, and a close that wants to wait). */
  synced(): Promise<void> {
    return this.#walSync.idle();
  }

  /** Closing checkpoints the WAL into the database file and syncs it (SQLite's own close). */
  close(): void {
    if (!this.#db.isOpen) return;
    this.#statements.clear();
    this.#db.close();
    this.#walSync.close();
  }
}

/** What a write to a database written by a newer version fails with. */
export function readOnlyError(store: string): AppError {
  return new AppError('STORE_UNAVAILABLE', `${store}: the data was written by a newer version of the app; it is kept read-only.`, {
    store,
  });
}

function userVersion(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/** Runs every migration after `from`, and the new version, in one transaction. */
function migrate(db: DatabaseSync, from: number): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const step of migrations.slice(from)) typeof step === 'string' ? db.exec(step) : step(db);
    db.exec(`PRAGMA user_version = ${schemaVersion}`);
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
