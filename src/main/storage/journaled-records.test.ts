import { appendFile, copyFile, type FileHandle, mkdtemp, open as openFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { JournaledRecords } from './journaled-records';
import { StoreProblems } from './store-problems';

const recordSchema = z.object({ id: z.string().min(1), n: z.number().int() }).strict();
type Thing = z.infer<typeof recordSchema>;
const clock = { now: () => Date.UTC(2026, 10, 27, 12, 0, 0) };

describe('JournaledRecords', () => {
  let dataDir: string;
  let problems: StoreProblems;
  const open = (options: { version?: number; compactAfter?: number; maxRecords?: number; acknowledge?: 'synced' | 'written' } = {}) =>
    JournaledRecords.open<Thing>({
      dataDir,
      file: 'things.json',
      key: 'things',
      version: options.version ?? 2,
      recordSchema,
      maxRecords: options.maxRecords ?? 1000,
      compactAfter: options.compactAfter,
      acknowledge: options.acknowledge,
      clock,
      problems,
    });
  const journal = () => join(dataDir, 'things.json.journal');
  const files = async () => (await readdir(dataDir)).sort();

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'journaled-records-'));
    problems = new StoreProblems();
  });

  it('appends one line per change, and a reopen replays them and compacts into the snapshot', async () => {
    const store = await open();
    await store.put({ id: 'a', n: 1 }, { id: 'b', n: 2 });
    await store.update('a', (thing) => ({ ...thing, n: 10 }));
    expect(await store.remove('b')).toBe(true);
    await store.put({ id: 'c', n: 3 });
    expect(store.values()).toEqual([
      { id: 'a', n: 10 },
      { id: 'c', n: 3 },
    ]);
    // Only the journal was written: a header and four changes (the first put wrote two records in one line each).
    expect(await files()).toEqual(['things.json.journal']);
    expect((await readFile(journal(), 'utf8')).trimEnd().split('\n')).toHaveLength(1 + 5);

    const reopened = await open();
    expect(reopened.values()).toEqual(store.values());
    expect(await files()).toEqual(['things.json']);
    expect(JSON.parse(await readFile(join(dataDir, 'things.json'), 'utf8'))).toEqual({ version: 2, data: { things: reopened.values() } });
    expect(problems.list()).toEqual([]);
  });

  it('reads a snapshot JsonDocument wrote (the format before the journal)', async () => {
    await writeFile(join(dataDir, 'things.json'), JSON.stringify({ version: 2, data: { things: [{ id: 'old', n: 7 }] } }));
    const store = await open();
    expect(store.get('old')).toEqual({ id: 'old', n: 7 });
    await store.put({ id: 'new', n: 8 });
    expect((await open()).values().map((thing) => thing.id)).toEqual(['old', 'new']);
  });

  it('drops a torn last line (an append a crash cut short) and keeps every complete one', async () => {
    const store = await open();
    await store.put({ id: 'a', n: 1 });
    await store.put({ id: 'b', n: 2 });
    await appendFile(journal(), '{"put":{"id":"c","n":');
    const reopened = await open();
    expect(reopened.values().map((thing) => thing.id)).toEqual(['a', 'b']);
    expect(problems.list()).toEqual([]);
    await reopened.put({ id: 'd', n: 4 });
    expect((await open()).values().map((thing) => thing.id)).toEqual(['a', 'b', 'd']);
  });

  it('keeps a journal with a bad complete line aside, reports it, and keeps the changes before it', async () => {
    const store = await open();
    await store.put({ id: 'a', n: 1 });
    await appendFile(journal(), '{"put":{"id":"b","n":"not a number"}}\n{"put":{"id":"c","n":3}}\n');
    const reopened = await open();
    expect(reopened.values().map((thing) => thing.id)).toEqual(['a']);
    const [problem] = problems.list();
    expect(problem).toMatchObject({
      store: 'things.json',
      kind: 'corrupt',
      keptAs: 'things.json.journal.corrupt-2026-11-27T12-00-00-000Z',
    });
    expect(await readFile(join(dataDir, problem?.keptAs ?? ''), 'utf8')).toContain('"id":"c"');
    expect(await files()).toEqual(['things.json', 'things.json.journal.corrupt-2026-11-27T12-00-00-000Z']);
  });

  it('replays harmlessly a journal whose changes the snapshot already holds (a crash between compaction and removal)', async () => {
    const store = await open();
    await store.put({ id: 'a', n: 1 }, { id: 'b', n: 2 });
    await store.remove('a');
    await store.update('b', (thing) => ({ ...thing, n: 20 }));
    const kept = join(dataDir, 'kept-journal');
    await copyFile(journal(), kept);
    const compacted = (await open()).values();
    await copyFile(kept, journal());
    expect((await open()).values()).toEqual(compacted);
    expect(compacted).toEqual([{ id: 'b', n: 20 }]);
  });

  it('refuses a record that breaks the schema and keeps the previous state in memory and on disk', async () => {
    const store = await open();
    await store.put({ id: 'a', n: 1 });
    await expect(store.put({ id: 'b', n: 'x' } as never)).rejects.toThrow();
    await expect(store.update('a', () => ({ id: 'a', n: 1.5 }))).rejects.toThrow();
    await expect(store.update('a', () => ({ id: 'other', n: 1 }))).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(store.values()).toEqual([{ id: 'a', n: 1 }]);
    expect((await open()).values()).toEqual([{ id: 'a', n: 1 }]);
  });

  it('serialises concurrent changes so none is lost', async () => {
    const store = await open();
    await store.put({ id: 'counter', n: 0 });
    await Promise.all([
      ...Array.from({ length: 25 }, () => store.update('counter', (thing) => ({ ...thing, n: thing.n + 1 }))),
      ...Array.from({ length: 25 }, (_, i) => store.put({ id: `t${i}`, n: i })),
    ]);
    const reopened = await open();
    expect(reopened.get('counter')).toEqual({ id: 'counter', n: 25 });
    expect(reopened.values()).toHaveLength(26);
  });

  it('compacts by itself after compactAfter journal lines', async () => {
    const store = await open({ compactAfter: 10 });
    for (let i = 0; i < 10; i++) await store.put({ id: `t${i}`, n: i });
    await store.put({ id: 'after', n: 99 });
    const snapshot = JSON.parse(await readFile(join(dataDir, 'things.json'), 'utf8'));
    expect(snapshot.data.things).toHaveLength(10);
    expect((await readFile(journal(), 'utf8')).trimEnd().split('\n')).toEqual([
      JSON.stringify({ journal: 'things.json', version: 2 }),
      JSON.stringify({ put: { id: 'after', n: 99 } }),
    ]);
    expect((await open()).values()).toHaveLength(11);
  });

  it('refuses a new record past maxRecords, but still replaces an existing one', async () => {
    const store = await open({ maxRecords: 2 });
    await store.put({ id: 'a', n: 1 }, { id: 'b', n: 2 });
    await expect(store.put({ id: 'c', n: 3 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await store.put({ id: 'a', n: 11 });
    expect(store.values()).toEqual([
      { id: 'a', n: 11 },
      { id: 'b', n: 2 },
    ]);
  });

  it('leaves a journal from a newer version untouched and stays read-only', async () => {
    const newer = `${JSON.stringify({ journal: 'things.json', version: 3 })}\n${JSON.stringify({ put: { id: 'x', n: 1, extra: true } })}\n`;
    await writeFile(journal(), newer);
    const store = await open();
    expect(store.readOnly).toBe(true);
    expect(problems.list()[0]).toMatchObject({ kind: 'newer-version', store: 'things.json', keptAs: 'things.json.journal' });
    await expect(store.put({ id: 'y', n: 2 })).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(await readFile(journal(), 'utf8')).toBe(newer);
  });

  it('upgrades the records of an older journal with the migration', async () => {
    await writeFile(
      journal(),
      `${JSON.stringify({ journal: 'things.json', version: 1 })}\n${JSON.stringify({ put: { id: 'x', count: 5 } })}\n`,
    );
    const store = await JournaledRecords.open<Thing>({
      dataDir,
      file: 'things.json',
      key: 'things',
      version: 2,
      recordSchema,
      maxRecords: 10,
      clock,
      problems,
      migrate: (data) => ({
        things: (data as { things: { id: string; count: number }[] }).things.map(({ id, count }) => ({ id, n: count })),
      }),
    });
    expect(store.values()).toEqual([{ id: 'x', n: 5 }]);
  });

  describe('acknowledged once written (the launch records)', () => {
    /** Holds every fdatasync until released, counting them: the disk's answer, under the test's control. */
    let released: () => void;
    let datasyncs: number;
    let failSyncs: boolean;
    beforeEach(async () => {
      const probe = await openFile(join(dataDir, 'probe'), 'w');
      const prototype = Object.getPrototypeOf(probe) as FileHandle;
      await probe.close();
      const real = prototype.datasync;
      let gate = new Promise<void>((resolve) => {
        released = resolve;
      });
      datasyncs = 0;
      failSyncs = false;
      vi.spyOn(prototype, 'datasync').mockImplementation(async function (this: FileHandle) {
        datasyncs++;
        await gate;
        if (failSyncs) throw new Error('EIO: i/o error, fdatasync');
        return real.call(this);
      });
      // Once released, later syncs pass straight through.
      const release = released;
      released = () => {
        release();
        gate = Promise.resolve();
      };
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });
    const settledYet = (promise: Promise<unknown>) =>
      Promise.race([promise.then(() => true), new Promise((r) => setTimeout(() => r(false), 50))]);

    it('resolves a change before its fdatasync ends, with the line already in the file; close waits for the sync', async () => {
      const store = await open({ acknowledge: 'written' });
      expect(await settledYet(store.put({ id: 'a', n: 1 }))).toBe(true);
      expect(await readFile(journal(), 'utf8')).toContain(JSON.stringify({ put: { id: 'a', n: 1 } }));
      await vi.waitFor(() => expect(datasyncs).toBe(1));
      const closing = store.close();
      expect(await settledYet(closing)).toBe(false);
      released();
      await closing;
      expect((await open()).values()).toEqual([{ id: 'a', n: 1 }]);
    });

    it('by default a change resolves only after its fdatasync', async () => {
      const store = await open();
      expect(await settledYet(store.put({ id: 'a', n: 1 }))).toBe(false);
      released();
      await store.close();
      expect((await open()).values()).toEqual([{ id: 'a', n: 1 }]);
    });

    it('runs one fdatasync for every line written while one was running (group commit)', async () => {
      const store = await open({ acknowledge: 'written' });
      await store.put({ id: 'first', n: 0 });
      // Handed to the thread pool on the next turn, not in the caller's.
      expect(datasyncs).toBe(0);
      await vi.waitFor(() => expect(datasyncs).toBe(1));
      await Promise.all(Array.from({ length: 5 }, (_, i) => store.put({ id: `t${i}`, n: i })));
      expect(datasyncs).toBe(1);
      released();
      await store.close();
      expect(datasyncs).toBe(2);
      expect((await open()).values()).toHaveLength(6);
    });

    it('reports a failed background sync as a store problem once, and keeps the changes', async () => {
      const store = await open({ acknowledge: 'written' });
      failSyncs = true;
      await store.put({ id: 'a', n: 1 });
      released();
      await store.put({ id: 'b', n: 2 });
      await store.close();
      expect(problems.list()).toEqual([
        expect.objectContaining({
          store: 'things.json',
          kind: 'sync-failed',
          keptAs: 'things.json.journal',
          message: expect.stringContaining('EIO'),
        }),
      ]);
      expect(store.values()).toHaveLength(2);
    });
  });
});
