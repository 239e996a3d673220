import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreProblems } from '../storage/store-problems';
import { AppDatabase, databaseFileName } from './database';
import { DatabaseDocument } from './database-document';
import { DatabaseRecords } from './database-records';
import { schemaVersion } from './schema';

const clock = { now: () => Date.parse('2026-01-01T00:00:00Z') };
const noteSchema = z.object({ id: z.string(), text: z.string() }).strict();
const notes = { file: 'notes.json', version: 1, key: 'notes', recordSchema: noteSchema, maxRecords: 100_000 };
const counter = {
  file: 'counter.json',
  version: 1,
  schema: z.object({ n: z.number().int(), pad: z.string().optional() }),
  empty: () => ({ n: 0 }),
};

async function freshDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'db-'));
}

function open(dataDir: string, problems = new StoreProblems()): AppDatabase {
  return AppDatabase.open({ dataDir, clock, problems, busyTimeoutMs: 0 });
}

describe('AppDatabase', () => {
  it('creates the schema at its version, in WAL, and keeps records and documents across a reopen', async () => {
    const dir = await freshDir();
    const db = open(dir);
    const records = DatabaseRecords.open(db, notes);
    await records.put({ id: 'b', text: 'first' }, { id: 'a', text: 'second' });
    await records.update('b', (note) => ({ ...note, text: 'first, edited' }));
    await records.put({ id: 'c', text: 'third' });
    await records.remove('a');
    await DatabaseDocument.open(db, counter).update(({ n }) => ({ n: n + 2 }));
    expect(db.pragma('journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(db.pragma('user_version')).toEqual([{ user_version: schemaVersion }]);
    db.close();

    const again = open(dir);
    // In the order first added; an edit keeps its place.
    expect(DatabaseRecords.open(again, notes).values()).toEqual([
      { id: 'b', text: 'first, edited' },
      { id: 'c', text: 'third' },
    ]);
    expect(DatabaseDocument.open(again, counter).value).toEqual({ n: 2 });
    expect(again.integrityCheck()).toBe('ok');
    again.close();
  });

  it('refuses a second owner of the same data dir while the first has it open', async () => {
    const dir = await freshDir();
    const first = open(dir);
    expect(() => open(dir)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    first.close();
    open(dir).close();
  });

  it('opens a database written by a newer version read-only, says so once, and lets every store read but not write', async () => {
    const dir = await freshDir();
    const db = open(dir);
    await DatabaseRecords.open(db, notes).put({ id: 'a', text: 'kept' });
    await DatabaseDocument.open(db, counter).update(() => ({ n: 7 }));
    db.close();
    const raw = new DatabaseSync(join(dir, databaseFileName));
    raw.exec(`PRAGMA user_version = ${schemaVersion + 1}`);
    raw.close();

    const problems = new StoreProblems();
    const newer = open(dir, problems);
    expect(newer.readOnly).toBe(true);
    expect(problems.list()).toEqual([expect.objectContaining({ store: databaseFileName, kind: 'newer-version' })]);
    const records = DatabaseRecords.open(newer, notes);
    const document = DatabaseDocument.open(newer, counter);
    expect(records.values()).toEqual([{ id: 'a', text: 'kept' }]);
    expect(document.value).toEqual({ n: 7 });
    expect(document.readOnly).toBe(true);
    await expect(records.put({ id: 'b', text: 'no' })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(document.update(() => ({ n: 8 }))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    newer.close();
    // Untouched: still the newer version.
    const check = new DatabaseSync(join(dir, databaseFileName), { readOnly: true });
    expect(check.prepare('PRAGMA user_version').get()).toEqual({ user_version: schemaVersion + 1 });
    check.close();
  });

  it('answers DISK_FULL when the database cannot grow (SQLITE_FULL), rolls back, and keeps every acknowledged write', async () => {
    const dir = await freshDir();
    const db = open(dir);
    const records = DatabaseRecords.open(db, notes);
    const document = DatabaseDocument.open(db, counter);
    const pages = (db.pragma('page_count') as { page_count: number }[])[0]?.page_count ?? 0;
    // The engine's own SQLITE_FULL: the file may not grow past a few more pages.
    db.pragma(`max_page_count = ${pages + 4}`);
    const acknowledged: string[] = [];
    let failure: unknown;
    for (let n = 0; n < 1000 && failure === undefined; n++) {
      try {
        // Two records per transaction: on failure neither may be there.
        await records.put({ id: `n${n}-a`, text: 'x'.repeat(2000) }, { id: `n${n}-b`, text: 'y'.repeat(2000) });
        acknowledged.push(`n${n}-a`, `n${n}-b`);
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toMatchObject({ code: 'DISK_FULL' });
    expect(acknowledged.length).toBeGreaterThan(0);
    await expect(document.update(() => ({ n: 1 }))).resolves.toEqual({ n: 1 });
    await expect(document.update(() => ({ n: 2, pad: 'z'.repeat(20_000) }))).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(document.value).toEqual({ n: 1 });
    expect(records.values().map((note) => note.id)).toEqual(acknowledged);
    db.close();

    const again = open(dir);
    expect(again.integrityCheck()).toBe('ok');
    expect(
      DatabaseRecords.open(again, notes)
        .values()
        .map((note) => note.id),
    ).toEqual(acknowledged);
    expect(DatabaseDocument.open(again, counter).value).toEqual({ n: 1 });
    again.close();
  });

  it('keeps a row its schema refuses aside instead of dropping it, and reports it', async () => {
    const dir = await freshDir();
    const db = open(dir);
    await DatabaseRecords.open(db, notes).put({ id: 'good', text: 'ok' }, { id: 'bad', text: 'soon broken' });
    db.close();
    const raw = new DatabaseSync(join(dir, databaseFileName));
    raw.prepare('UPDATE records SET data = \'{"id":"bad","text":42}\' WHERE id = \'bad\'').run();
    raw.close();
    const problems = new StoreProblems();
    const again = open(dir, problems);
    expect(DatabaseRecords.open(again, notes).values()).toEqual([{ id: 'good', text: 'ok' }]);
    expect(problems.list()).toEqual([expect.objectContaining({ store: 'notes.json', kind: 'corrupt', keptAs: 'kept_aside #1' })]);
    again.close();
  });
});
