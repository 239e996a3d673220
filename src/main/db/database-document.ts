import type { DocumentSpec, StoredDocument } from '../storage/stored-document';
import type { AppDatabase } from './database';
import { keepAside } from './kept-aside';

/**
 * A document (settings, accounts, presets, media, first run) as one row of `documents`, validated by
 * its zod schema on the way in and out. An update is one transaction, committed before it resolves.
 */
export class DatabaseDocument<T> implements StoredDocument<T> {
  readonly #db: AppDatabase;
  readonly #spec: DocumentSpec<T>;
  #value: T;

  private constructor(db: AppDatabase, spec: DocumentSpec<T>, value: T) {
    this.#db = db;
    this.#spec = spec;
    this.#value = value;
  }

  static open<T>(db: AppDatabase, spec: DocumentSpec<T>): DatabaseDocument<T> {
    const row = db.statement('SELECT version, data FROM documents WHERE name = ?').get(spec.file) as
      | { version: number; data: string }
      | undefined;
    if (!row) return new DatabaseDocument(db, spec, spec.empty());
    const parsed = parseDocument(spec, row.version, row.data);
    if (parsed.ok) return new DatabaseDocument(db, spec, parsed.value);
    // Unreadable: kept in kept_aside (never dropped) and the document starts empty, as a corrupt file did.
    if (!db.readOnly) {
      db.write(spec.file, () => {
        keepAside(db, spec.file, null, row.data, parsed.reason);
        db.statement('DELETE FROM documents WHERE name = ?').run(spec.file);
      });
    }
    return new DatabaseDocument(db, spec, spec.empty());
  }

  get value(): T {
    return this.#value;
  }

  get readOnly(): boolean {
    return this.#db.readOnly;
  }

  async update(change: (current: T) => T): Promise<T> {
    const next = this.#db.write(this.#spec.file, () => {
      const value = this.#spec.schema.parse(change(this.#value));
      writeDocument(this.#db, this.#spec, value);
      return value;
    });
    this.#value = next;
    return next;
  }
}

/** Inserts or replaces a document's row (inside the caller's transaction). */
export function writeDocument<T>(db: AppDatabase, spec: DocumentSpec<T>, value: T): void {
  db.statement(
    'INSERT INTO documents (name, version, data) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET version = excluded.version, data = excluded.data',
  ).run(spec.file, spec.version, JSON.stringify(value));
}

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A stored document's data, upgraded from an older version and validated. */
export function parseDocument<T>(spec: DocumentSpec<T>, version: number, text: string): Parsed<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const upgraded = version < spec.version && spec.migrate ? spec.migrate(data, version) : data;
  const parsed = spec.schema.safeParse(upgraded);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid content' };
}
