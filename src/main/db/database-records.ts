import { AppError } from '../../shared/contract';
import type { RecordStore, RecordsSpec } from '../storage/record-store';
import type { AppDatabase } from './database';
import { keepAside } from './kept-aside';

/**
 * Records (launch records, board tasks) as rows of `records`, one per record, each validated by the
 * record schema. Every change is one transaction, committed before its promise resolves (see AppDatabase);
 * reads come from the copy loaded at open, which only a committed change updates.
 */
export class DatabaseRecords<R extends { id: string }> implements RecordStore<R> {
  readonly #db: AppDatabase;
  readonly #spec: RecordsSpec<R>;
  readonly #records = new Map<string, R>();
  #nextPosition = 0;

  private constructor(db: AppDatabase, spec: RecordsSpec<R>) {
    this.#db = db;
    this.#spec = spec;
  }

  static open<R extends { id: string }>(db: AppDatabase, spec: RecordsSpec<R>): DatabaseRecords<R> {
    const store = new DatabaseRecords(db, spec);
    const rows = db.statement('SELECT id, position, version, data FROM records WHERE store = ? ORDER BY position').all(spec.file) as {
      id: string;
      position: number;
      version: number;
      data: string;
    }[];
    const unreadable: { id: string; data: string; reason: string }[] = [];
    for (const row of rows) {
      store.#nextPosition = Math.max(store.#nextPosition, row.position + 1);
      const parsed = parseRecord(spec, row.version, row.data);
      if (parsed.ok && parsed.value.id === row.id) store.#records.set(row.id, parsed.value);
      else unreadable.push({ id: row.id, data: row.data, reason: parsed.ok ? 'the id does not match the row' : parsed.reason });
    }
    if (unreadable.length > 0 && !db.readOnly) {
      db.write(spec.file, () => {
        for (const row of unreadable) {
          keepAside(db, spec.file, row.id, row.data, row.reason);
          db.statement('DELETE FROM records WHERE store = ? AND id = ?').run(spec.file, row.id);
        }
      });
    }
    return store;
  }

  get readOnly(): boolean {
    return this.#db.readOnly;
  }

  values(): R[] {
    return [...this.#records.values()];
  }

  get(id: string): R | undefined {
    return this.#records.get(id);
  }

  async put(...records: R[]): Promise<void> {
    const parsed = records.map((record) => this.#spec.recordSchema.parse(record));
    const added = new Set(parsed.map((record) => record.id).filter((id) => !this.#records.has(id)));
    if (this.#records.size + added.size > this.#spec.maxRecords) {
      throw new AppError('CONFLICT', `${this.#spec.file} already holds the most records it can keep (${this.#spec.maxRecords}).`, {
        store: this.#spec.file,
      });
    }
    this.#db.write(this.#spec.file, () => {
      for (const record of parsed) this.#write(record);
    });
    for (const record of parsed) this.#records.set(record.id, record);
  }

  async update(id: string, change: (current: R) => R): Promise<R | undefined> {
    const current = this.#records.get(id);
    if (!current) return undefined;
    const next = this.#spec.recordSchema.parse(change(current));
    if (next.id !== id) throw new AppError('INTERNAL', 'A record cannot change its id.', { id });
    this.#db.write(this.#spec.file, () => this.#write(next));
    this.#records.set(id, next);
    return next;
  }

  async remove(id: string): Promise<boolean> {
    if (!this.#records.has(id)) return false;
    this.#db.write(this.#spec.file, () => {
      this.#db.statement('DELETE FROM records WHERE store = ? AND id = ?').run(this.#spec.file, id);
    });
    this.#records.delete(id);
    return true;
  }

  async close(): Promise<void> {}

  /** Inserts a new record at the end, or replaces one in place (inside the caller's transaction). */
  #write(record: R): void {
    const position = this.#records.has(record.id) ? 0 : this.#nextPosition++;
    writeRecord(this.#db, this.#spec, record, position);
  }
}

/** Inserts a record at `position`, or replaces its data if it exists (its position stays). */
export function writeRecord<R extends { id: string }>(db: AppDatabase, spec: RecordsSpec<R>, record: R, position: number): void {
  db.statement(
    `INSERT INTO records (store, id, position, version, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (store, id) DO UPDATE SET version = excluded.version, data = excluded.data`,
  ).run(spec.file, record.id, position, spec.version, JSON.stringify(record));
}

type Parsed<R> = { ok: true; value: R } | { ok: false; reason: string };

function parseRecord<R extends { id: string }>(spec: RecordsSpec<R>, version: number, text: string): Parsed<R> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const upgraded =
    version < spec.version && spec.migrate
      ? (spec.migrate({ [spec.key]: [data] }, version) as Record<string, unknown[]>)[spec.key]?.[0]
      : data;
  const parsed = spec.recordSchema.safeParse(upgraded);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid content' };
}
