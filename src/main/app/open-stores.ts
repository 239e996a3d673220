import { AppDatabase } from '../db/database';
import { DatabaseDocument } from '../db/database-document';
import { DatabaseRecords } from '../db/database-records';
import { importJsonStores } from '../db/json-import';
import type { RecordStore, RecordsSpec } from '../storage/record-store';
import type { StoreProblems } from '../storage/store-problems';
import type { DocumentSpec, StoredDocument } from '../storage/stored-document';
import type { Clock } from './clock';

export interface OpenStoresOptions {
  dataDir: string;
  clock: Clock;
  problems: StoreProblems;
  /** Every store, so the first start after the upgrade imports their JSON files before any is read. */
  documents: DocumentSpec<unknown>[];
  records: RecordsSpec<{ id: string }>[];
}

export interface Stores {
  database: AppDatabase;
  open<T>(spec: DocumentSpec<T>): Promise<StoredDocument<T>>;
  openRecords<R extends { id: string }>(spec: RecordsSpec<R>): RecordStore<R>;
  close(): void;
}

/** Opens the database (migrated, locked) and imports what an earlier version left in JSON files. */
export function openStores(options: OpenStoresOptions): Stores {
  const database = AppDatabase.open(options);
  try {
    importJsonStores(database, options);
  } catch (error) {
    database.close();
    throw error;
  }
  return {
    database,
    open: async (spec) => DatabaseDocument.open(database, spec),
    openRecords: (spec) => DatabaseRecords.open(database, spec),
    close: () => database.close(),
  };
}
