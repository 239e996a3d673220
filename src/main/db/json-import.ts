import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { logSettingsDocument } from '../log/log-settings';
import type { RecordsSpec } from '../storage/record-store';
import type { DocumentSpec } from '../storage/stored-document';
import { type AppDatabase, databaseFileName } from './database';
import { writeDocument } from './database-document';
import { writeRecord } from './database-records';
import { type LegacyRead, readLegacyDocument, readLegacyRecords } from './legacy-json';
import { importLegacyLogFile, legacyLogDir, legacyLogFiles } from './legacy-log';

/** Where the JSON files of an earlier version go once imported: kept, never deleted. */
export const importedFilesDir = 'json-before-database';

export interface JsonStores {
  documents: DocumentSpec<unknown>[];
  records: RecordsSpec<{ id: string }>[];
}

/**
 * The first start after the upgrade: each store still in JSON files is imported in one transaction
 * that also marks it imported, then its files are moved to `json-before-database/`. Killed half way,
 * the next start skips the stores marked (moving their files if they are still there) and imports
 * the rest. The start that finishes says so once, as a store notice. Returns how many were imported.
 */
export function importJsonStores(db: AppDatabase, stores: JsonStores): number {
  if (db.readOnly) return 0;
  let imported = 0;
  let moved = 0;
  const run = <T>(store: string, files: string[], read: () => LegacyRead<T>, write: (value: T) => void) => {
    const present = files.filter((file) => existsSync(join(db.dataDir, file)));
    if (present.length === 0) return;
    if (!isImported(db, store)) {
      const found = read();
      db.write(store, () => {
        if (found.kind === 'read') write(found.value);
        const detail = found.kind === 'read' ? found.detail : found.kind === 'unreadable' ? `not imported: ${found.reason}` : 'no data';
        db.statement('INSERT INTO imports (store, at, detail) VALUES (?, ?, ?)').run(store, now(db), detail);
      });
      if (found.kind === 'unreadable') {
        db.problems.report({ store, kind: 'corrupt', keptAs: `${importedFilesDir}/${present[0]}`, message: found.reason, at: now(db) });
      }
      imported++;
    }
    for (const file of present) moveAside(db.dataDir, file);
    moved += present.length;
  };
  for (const spec of stores.documents) {
    run(
      spec.file,
      [spec.file],
      () => readLegacyDocument(db.dataDir, spec),
      (value) => writeDocument(db, spec, value),
    );
  }
  for (const spec of stores.records) {
    run(
      spec.file,
      [spec.file, `${spec.file}.journal`],
      () => readLegacyRecords(db.dataDir, spec),
      (records) => {
        db.statement('DELETE FROM records WHERE store = ?').run(spec.file);
        for (const [position, record] of records.entries()) writeRecord(db, spec, record, position);
      },
    );
  }
  const log = importLegacyLog(db);
  imported += log.imported;
  moved += log.moved;
  if (moved > 0) {
    db.problems.report({
      store: databaseFileName,
      kind: 'imported',
      keptAs: importedFilesDir,
      message: `${moved} files of an earlier version were imported; they are kept in ${importedFilesDir}`,
      at: now(db),
    });
  }
  return imported;
}

/**
 * The task log's files (`log/task-log-NNNNNN.jsonl`, and its retention in `log/settings.json`): each
 * file in one transaction that marks it imported (an interrupted import resumes at the next file),
 * then the whole folder is moved to `json-before-database/log`.
 */
function importLegacyLog(db: AppDatabase): { imported: number; moved: number } {
  const dir = join(db.dataDir, legacyLogDir);
  if (!existsSync(dir)) return { imported: 0, moved: 0 };
  let imported = 0;
  const files = legacyLogFiles(db.dataDir);
  for (const { file, segment } of files) {
    const store = `${legacyLogDir}/${file}`;
    if (isImported(db, store)) continue;
    db.write(store, () => {
      const detail = importLegacyLogFile(db, file, segment);
      db.statement('INSERT INTO imports (store, at, detail) VALUES (?, ?, ?)').run(store, now(db), detail);
    });
    imported++;
  }
  const settings = logSettingsDocument as DocumentSpec<unknown>;
  if (existsSync(join(dir, 'settings.json')) && !isImported(db, settings.file)) {
    const found = readLegacyDocument(dir, { ...settings, file: 'settings.json' });
    db.write(settings.file, () => {
      if (found.kind === 'read') writeDocument(db, settings, found.value);
      const detail = found.kind === 'read' ? found.detail : found.kind === 'unreadable' ? `not imported: ${found.reason}` : 'no data';
      db.statement('INSERT INTO imports (store, at, detail) VALUES (?, ?, ?)').run(settings.file, now(db), detail);
    });
    imported++;
  }
  const moved = files.length + (existsSync(join(dir, 'settings.json')) ? 1 : 0);
  moveAside(db.dataDir, legacyLogDir);
  return { imported, moved };
}

function isImported(db: AppDatabase, store: string): boolean {
  return db.statement('SELECT 1 AS found FROM imports WHERE store = ?').get(store) !== undefined;
}

/** Renames `file` (or a folder) into the kept folder, beside (never over) a file kept there before. */
function moveAside(dataDir: string, file: string): void {
  const dir = join(dataDir, importedFilesDir);
  mkdirSync(dir, { recursive: true });
  let target = join(dir, file);
  for (let n = 1; existsSync(target); n++) target = join(dir, `${file}.${n}`);
  renameSync(join(dataDir, file), target);
}

function now(db: AppDatabase): string {
  return new Date(db.clock.now()).toISOString();
}
