/**
 * The database's tables, as forward-only migrations: migration N brings `user_version` from N-1 to N.
 * A migration is never edited once released; a change is a new one at the end.
 */
export const migrations: readonly string[] = [
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
];

/** The schema version this build writes. */
export const schemaVersion = migrations.length;
