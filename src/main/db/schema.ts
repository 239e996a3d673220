import type { DatabaseSync } from 'node:sqlite';
/**
 * The database's tables, as forward-only migrations: migration N brings `user_version` from N-1 to N.
 * A migration is never edited once released; a change is a new one at the end.
 */
export const migrations: readonly Migration[] = [
  // 1: every former JSON document as one validated row, and record collections one row per record.
  `CREATE TABLE documents (
     name TEXT PRIMARY KEY,
     version INTEGER NOT NULL,
     data TEXT NOT NULL
   ) STRICT;
   CREATE TABLE records (
     store TEXT NOT NULL,
     id TEXT NOT NULL,
     position INTEGER NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (store, id)
   ) STRICT;
   CREATE INDEX records_by_position ON records (store, position);
   -- A row that failed its schema at start-up, kept instead of lost (what a ".corrupt-<time>" file was).
   CREATE TABLE kept_aside (
     seq INTEGER PRIMARY KEY,
     store TEXT NOT NULL,
     id TEXT,
     data TEXT NOT NULL,
     reason TEXT NOT NULL,
     at TEXT NOT NULL
   ) STRICT;
   -- Stores imported from the JSON files of an earlier version: a store is imported once.
   CREATE TABLE imports (
     store TEXT PRIMARY KEY,
     at TEXT NOT NULL,
     detail TEXT NOT NULL
   ) STRICT;`,
  // 2: the task log. The redacted entry as JSON beside the columns the filters use (a field added to
  // entries needs no migration); `segment` stands for the file a line went to before (rotation by size,
  // retention by count and age); `log_search` holds what the text filter searches, trigram-indexed.
  (db) => {
    db.exec(
      `CREATE TABLE log_entries (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     segment INTEGER NOT NULL,
     at_ms INTEGER NOT NULL,
     last_at_ms INTEGER NOT NULL,
     action TEXT NOT NULL,
     outcome TEXT NOT NULL,
     purpose TEXT NOT NULL,
     profile_id TEXT NOT NULL,
     sdk_app_id INTEGER,
     room_id TEXT,
     task_id TEXT,
     request_id TEXT,
     bytes INTEGER NOT NULL,
     entry TEXT NOT NULL,
     repeat TEXT
   ) STRICT;
   CREATE INDEX log_by_segment ON log_entries (segment);
   CREATE INDEX log_by_app ON log_entries (sdk_app_id);
   CREATE INDEX log_by_room ON log_entries (room_id);
   CREATE INDEX log_by_task ON log_entries (task_id);
   CREATE INDEX log_by_time ON log_entries (at_ms, last_at_ms);
   CREATE INDEX log_by_action ON log_entries (action, outcome);
   CREATE TABLE log_segments (
     segment INTEGER PRIMARY KEY,
     entries INTEGER NOT NULL,
     bytes INTEGER NOT NULL,
     newest_ms INTEGER NOT NULL,
     last_seq INTEGER NOT NULL
   ) STRICT;`,
    );
    createSearchTable(db);
  },
  // 3: the page call a log entry was made for (none for background work), so a click and its API calls join.
  `ALTER TABLE log_entries ADD COLUMN call_id TEXT;
   CREATE INDEX log_by_call ON log_entries (call_id);`,
];

/**
 * The log's search text. Node's SQLite has FTS5; should a runtime's build lack it (Electron's own build
 * of it has not been tried here), the same table without the index keeps the app starting, and the
 * text filter scans it instead (whereOf).
 */
function createSearchTable(db: DatabaseSync): void {
  try {
    db.exec(`CREATE VIRTUAL TABLE log_search USING fts5 (text, tokenize = 'trigram')`);
  } catch {
    db.exec('CREATE TABLE log_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  }
}

/** One step of the schema: SQL, or a function for a step that depends on what the runtime's SQLite has. */
export type Migration = string | ((db: DatabaseSync) => void);

/** Whether the text search has its FTS5 index (see migration 2). */
export function hasSearchIndex(db: { statement(sql: string): { get(): unknown } }): boolean {
  const row = db.statement(`SELECT sql FROM sqlite_master WHERE name = 'log_search'`).get() as { sql?: string } | undefined;
  return /fts5/i.test(row?.sql ?? '');
}

/** The schema version this build writes. */
export const schemaVersion = migrations.length;
