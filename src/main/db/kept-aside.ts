import type { AppDatabase } from './database';

/**
 * Keeps a row that failed its schema in `kept_aside` (inside the caller's transaction) and reports
 * it, as a corrupt file was once renamed aside: nothing the app cannot read is ever dropped.
 */
export function keepAside(db: AppDatabase, store: string, id: string | null, data: string, reason: string): void {
  const at = new Date(db.clock.now()).toISOString();
  const { lastInsertRowid } = db
    .statement('INSERT INTO kept_aside (store, id, data, reason, at) VALUES (?, ?, ?, ?, ?)')
    .run(store, id, data, reason, at);
  db.problems.report({ store, kind: 'corrupt', keptAs: `kept_aside #${lastInsertRowid}`, message: reason, at });
}
