import type { z } from 'zod';

/** What a service sees of its saved document: the current value and a validated, durable update. */
export interface StoredDocument<T> {
  readonly value: T;
  /** Written by a newer version of the app: every update fails with STORE_UNAVAILABLE. */
  readonly readOnly: boolean;
  /** Applies `change` to the current value and persists it; resolves once it is on disk. */
  update(change: (current: T) => T): Promise<T>;
}

/** A document's name (the file it was before the database), version and schema. */
export interface DocumentSpec<T> {
  file: string;
  version: number;
  schema: z.ZodType<T>;
  empty: () => T;
  /** Upgrades data written by an older version; returns the data part. */
  migrate?: (data: unknown, fromVersion: number) => unknown;
}
