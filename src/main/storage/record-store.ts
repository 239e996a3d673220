import type { z } from 'zod';

/** A collection of records changed one at a time; the stores of launch records and board tasks use it. */
export interface RecordStore<R extends { id: string }> {
  readonly readOnly: boolean;
  /** In the order the records were first added. */
  values(): R[];
  get(id: string): R | undefined;
  /** Adds or replaces records, in one transaction: resolved means committed. */
  put(...records: R[]): Promise<void>;
  /** Changes one record as it is now; undefined if there is none. */
  update(id: string, change: (current: R) => R): Promise<R | undefined>;
  remove(id: string): Promise<boolean>;
  /** Nothing left to wait for once a change resolved; kept so owners close what they opened. */
  close(): Promise<void>;
}

/** A record collection's name (the file it was before the database), version and schema. */
export interface RecordsSpec<R extends { id: string }> {
  file: string;
  version: number;
  /** The JSON snapshot held the records under this key (`{ "version": N, "data": { [key]: R[] } }`). */
  key: string;
  recordSchema: z.ZodType<R>;
  maxRecords: number;
  /** Upgrades the data part `{ [key]: R[] }` written by an older version. */
  migrate?: (data: unknown, fromVersion: number) => unknown;
}
