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
  // 2: the task log. The redacted entry as JSON beside the columns the filters use (a field added to
  // entries needs no migration); `segment` stands for the file a line went to before (rotation by size,
  // retention by count and age); `log_search` holds what the text filter searches, trigram-indexed.
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
   ) STRICT;
   CREATE VIRTUAL TABLE log_search USING fts5 (text, tokenize = 'trigram');`,
];

/** The schema version this build writes. */
export const schemaVersion = migrations.length;
