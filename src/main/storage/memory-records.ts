import type { z } from 'zod';
import type { RecordStore } from './record-store';

/** A RecordStore in memory, validated like the database's: unit tests of timing need no disk. */
export class MemoryRecords<R extends { id: string }> implements RecordStore<R> {
  readonly readOnly = false;
  readonly #records = new Map<string, R>();
  readonly #schema: z.ZodType<R>;
  /** Durable writes so far (a put of several records is one). */
  writes = 0;

  constructor(schema: z.ZodType<R>) {
    this.#schema = schema;
  }

  /** A copy of `store` to change in memory only (a store that must not be written). */
  static async copyOf<R extends { id: string }>(store: RecordStore<R>, schema: z.ZodType<R>): Promise<MemoryRecords<R>> {
    const copy = new MemoryRecords(schema);
    await copy.put(...store.values());
    copy.writes = 0;
    return copy;
  }

  values(): R[] {
    return [...this.#records.values()];
  }

  get(id: string): R | undefined {
    return this.#records.get(id);
  }

  async put(...records: R[]): Promise<void> {
    const parsed = records.map((record) => this.#schema.parse(record));
    for (const record of parsed) this.#records.set(record.id, record);
    this.writes++;
  }

  async update(id: string, change: (current: R) => R): Promise<R | undefined> {
    const current = this.#records.get(id);
    if (!current) return undefined;
    const next = this.#schema.parse(change(current));
    this.#records.set(id, next);
    this.writes++;
    return next;
  }

  async close(): Promise<void> {}

  async remove(id: string): Promise<boolean> {
    const removed = this.#records.delete(id);
    if (removed) this.writes++;
    return removed;
  }
}
