import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Clock } from '../../app/clock';
import { openStores, type Stores } from '../../app/open-stores';
import { StoreProblems } from '../../storage/store-problems';
import type { DocumentSpec } from '../../storage/stored-document';
import { databaseFileName } from '../database';

const open = new Map<string, Stores>();

/**
 * Tests' stores on a real database in `dataDir`. Opening a dir again first closes the copy still
 * open there, as the OS does for a process that died: tests "restart" without a clean shutdown.
 */
export function testStores(dataDir: string, clock: Clock, problems = new StoreProblems(), documents: DocumentSpec<unknown>[] = []): Stores {
  open.get(dataDir)?.close();
  const stores = openStores({ dataDir, clock, problems, documents, records: [] });
  open.set(dataDir, stores);
  return stores;
}

/** A document's row as a closed data dir holds it (`{ version, data }`), or undefined if there is none. */
export function storedDocument(dataDir: string, name: string): { version: number; data: unknown } | undefined {
  const db = new DatabaseSync(join(dataDir, databaseFileName), { readOnly: true });
  try {
    const row = db.prepare('SELECT version, data FROM documents WHERE name = ?').get(name) as { version: number; data: string } | undefined;
    return row && { version: row.version, data: JSON.parse(row.data) };
  } finally {
    db.close();
  }
}
