import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventMap } from '../../shared/contract';
import { EventBus } from '../app/event-bus';
import type { Stores } from '../app/open-stores';
import { databaseFileName } from '../db/database';
import { testStores } from '../db/test-support/test-database';
import { TaskLog, type TaskLogOptions } from './task-log';
import { callRecord } from './test-support/test-records';

const base = Date.UTC(2026, 10, 27, 12, 0, 0);
const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

describe('TaskLog', () => {
  let dataDir: string;
  let now: number;
  let stores: Stores;
  const opened: TaskLog[] = [];
  const clock = { now: () => now };
  /** Opens the log on the data dir's database; a second call is a restart (the first copy is dropped as a kill would). */
  const open = async (options: Partial<TaskLogOptions> = {}) => {
    stores = testStores(dataDir, clock);
    const log = await TaskLog.open({ database: stores.database, clock, ...options });
    opened.push(log);
    return log;
  };
  type Row = { seq: number; segment: number; requestId: string | null; entry: string; repeat: string | null };
  const rowsSql = 'SELECT seq, segment, request_id AS requestId, entry, repeat FROM log_entries ORDER BY seq';
  /** The log's committed rows: through the open database, or from the file once it is closed (what a restart finds). */
  const committed = (): Row[] => {
    if (stores.database.isOpen) return stores.database.statement(rowsSql).all() as Row[];
    const db = new DatabaseSync(join(dataDir, databaseFileName), { readOnly: true });
    try {
      return db.prepare(rowsSql).all() as Row[];
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'task-log-'));
    now = base;
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((log) => log.close()));
    stores?.close();
  });

  it('commits one row per call with an id and a sequence number before record returns, and reads them back newest first', async () => {
    const log = await open();
    log.record(
      callRecord({ action: 'StartStreamIngest', at: at(0), requestId: 'r-start', taskId: 'task-1', response: { TaskId: 'task-1' } }),
    );
    log.record(callRecord({ action: 'StopStreamIngest', at: at(1), requestId: 'r-stop', response: undefined }));
    stores.close();
    // No flush, no close: what record() returned from is in the file (a kill here keeps it).
    const rows = committed();
    expect(rows.map((row) => [row.seq, JSON.parse(row.entry).action])).toEqual([
      [1, 'StartStreamIngest'],
      [2, 'StopStreamIngest'],
    ]);
    const first = JSON.parse(rows[0]?.entry ?? '{}');
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(first.id).not.toBe(JSON.parse(rows[1]?.entry ?? '{}').id);

    const again = await open();
    const page = await again.query({}, 0, 10);
    expect(page).toMatchObject({ total: 2, complete: true, newestSeq: 2 });
    expect(page.rows.map((row) => row.requestId)).toEqual(['r-stop', 'r-start']);
    expect(page.rows[0]).not.toHaveProperty('params');
    expect(await again.entry(first.id)).toMatchObject({ action: 'StartStreamIngest', params: { SdkAppId: 1400000001 } });
    await expect(again.entry('no-such-id')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Numbering continues after a restart.
    again.record(callRecord({ at: at(2) }));
    expect(committed().at(-1)?.seq).toBe(3);
  });

  it('never throws into the caller, and shows the failure as a status', async () => {
    const log = await open();
    const hostile = callRecord({
      params: {
        get StreamUrl(): string {
          throw new Error('getter exploded');
        },
      },
    });
    expect(() => log.record(hostile)).not.toThrow();
    expect(log.status().writeError?.message).toBe('getter exploded');
  });

  it('keeps calls in memory when the disk is full (DISK_FULL), reports it, and commits them in order once there is room', async () => {
    const log = await open({ retryMs: 20 });
    log.record(callRecord({ at: at(0), requestId: 'before' }));
    const pages = (stores.database.pragma('page_count') as { page_count: number }[])[0]?.page_count ?? 0;
    stores.database.pragma(`max_page_count = ${pages}`);
    const big = { Blob: 'x'.repeat(20_000) };
    expect(() => log.record(callRecord({ action: 'UpdateStreamIngest', at: at(1), requestId: 'during-1', params: big }))).not.toThrow();
    log.record(callRecord({ action: 'UpdateStreamIngest', at: at(2), requestId: 'during-2', params: big }));
    expect(log.status()).toMatchObject({ pending: 2, writeError: { message: expect.stringMatching(/full/) } });
    expect((await log.query({}, 0, 10)).total).toBe(1);

    stores.database.pragma('max_page_count = 1073741823');
    await vi.waitFor(() => expect(log.status()).toMatchObject({ writeError: null, pending: 0 }), { timeout: 2000, interval: 10 });
    expect((await log.query({}, 0, 10)).rows.map((row) => row.requestId)).toEqual(['during-2', 'during-1', 'before']);
    expect(stores.database.integrityCheck()).toBe('ok');
  });

  it('closes a segment by size and keeps only the newest segments the retention setting allows', async () => {
    const log = await open({ maxFileBytes: 1500 });
    for (let i = 0; i < 40; i++) log.record(callRecord({ action: 'UpdateStreamIngest', at: at(i), requestId: `r-${i}` }));
    await log.flushed();
    const segments = [...new Set(committed().map((row) => row.segment))];
    expect(segments.length).toBeGreaterThan(4);
    expect(log.status().files).toBe(segments.length);

    const status = await log.updateRetention({ maxFiles: 3 });
    expect([...new Set(committed().map((row) => row.segment))]).toEqual(segments.slice(-3));
    expect(status).toMatchObject({ files: 3, retention: { maxFiles: 3 }, entries: committed().length });
    expect((await log.query({}, 0, 500)).total).toBe(committed().length);
    expect((await log.query({}, 0, 1)).rows[0]?.requestId).toBe('r-39');
    // A deleted row is gone from the search index too.
    expect((await log.query({ text: 'r-0' }, 0, 10)).total).toBe(0);

    // Closing a segment applies the setting as it goes; a restart keeps it.
    for (let i = 40; i < 60; i++) log.record(callRecord({ action: 'UpdateStreamIngest', at: at(i), requestId: `r-${i}` }));
    await log.flushed();
    expect(new Set(committed().map((row) => row.segment)).size).toBe(3);
    const newestFirst = (await log.query({}, 0, 500)).rows.map((row) => row.seq);
    await log.close();

    const again = await open({ maxFileBytes: 1500 });
    expect(again.status()).toMatchObject({ files: 3, indexing: false, retention: { maxFiles: 3 } });
    expect((await again.query({}, 0, 500)).rows.map((row) => row.seq)).toEqual(newestFirst);
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));
  });

  it('deletes in slices, letting the event loop run between them', async () => {
    const log = await open({ maxFileBytes: 4000, pruneSliceRows: 3 });
    for (let i = 0; i < 60; i++) log.record(callRecord({ action: 'UpdateStreamIngest', at: at(i), requestId: `r-${i}` }));
    // Another task of the event loop: it runs only when a slice lets it.
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    await log.updateRetention({ maxFiles: 1 });
    ticking = false;
    expect(turns).toBeGreaterThan(10);
    expect(log.status().files).toBe(1);
    expect(stores.database.integrityCheck()).toBe('ok');
  });

  it('deletes segments whose newest call is older than the retention age, never the current one', async () => {
    const log = await open({ maxFileBytes: 1500 });
    for (let i = 0; i < 20; i++) log.record(callRecord({ action: 'UpdateStreamIngest', at: at(i) }));
    const before = [...new Set(committed().map((row) => row.segment))];
    now = base + 3 * 86_400_000;
    await log.updateRetention({ maxAgeDays: 2 });
    expect([...new Set(committed().map((row) => row.segment))]).toEqual([before.at(-1)]);
    expect(log.status().entries).toBe(committed().length);
  });

  it('folds identical Describe results of one task into one row with a count; every RequestId still finds it', async () => {
    const log = await open();
    for (let i = 0; i < 5; i++) log.record(callRecord({ at: at(i), requestId: `poll-${i}`, latencyMs: 10 + i }));
    log.record(callRecord({ at: at(5), taskId: 'task-2', requestId: 'other-task' }));
    log.record(callRecord({ at: at(6), requestId: 'gone', response: { Status: 'NotExist' } }));
    log.record(callRecord({ at: at(7), action: 'StopStreamIngest', requestId: 'stop', response: undefined }));
    log.record(callRecord({ at: at(8), requestId: 'after-stop', response: { Status: 'NotExist' } }));
    expect(committed().map((row) => row.requestId)).toEqual(['poll-0', 'other-task', 'gone', 'stop', 'after-stop']);

    const check = async (target: TaskLog) => {
      const { rows, newestSeq } = await target.query({}, 0, 10);
      expect(newestSeq).toBe(9);
      expect(rows.map((row) => row.requestId)).toEqual(['after-stop', 'stop', 'gone', 'other-task', 'poll-0']);
      expect(rows.at(-1)?.repeat).toEqual({ count: 5, lastAt: at(4), lastRequestId: 'poll-4', lastLatencyMs: 14 });
      expect(rows[0]?.repeat).toBeUndefined();
      expect((await target.query({ text: 'poll-3' }, 0, 10)).rows.map((row) => row.requestId)).toEqual(['poll-0']);
      // A range that holds only a later repeat still finds the folded row.
      expect((await target.query({ from: at(3), to: at(3) }, 0, 10)).rows.map((row) => row.requestId)).toEqual(['poll-0']);
    };
    await check(log);
    await log.close();
    await check(await open());
  });

  it('filters by each indexed column and searches text case-insensitively anywhere in TaskId, RequestId, error, parameters and response', async () => {
    const log = await open();
    log.record(callRecord({ action: 'StartStreamIngest', at: at(0), requestId: 'Req-ALPHA-1', taskId: 'Task-Alpha', roomId: 'r1' }));
    log.record(
      callRecord({
        action: 'StartStreamIngest',
        at: at(1),
        sdkAppId: 1400000002,
        roomId: 'r2',
        taskId: undefined,
        outcome: 'api-error',
        errorCode: 'InvalidParameter.StreamUrl',
        errorMessage: 'StreamUrl not reachable',
        requestId: 'req-2',
        params: { StreamUrl: 'https://media.example/Zq.m3u8' },
        response: undefined,
      }),
    );
    log.record(callRecord({ action: 'StopStreamIngest', at: at(2), requestId: 'req-3', taskId: 'task-alpha', response: { Note: 'Bye' } }));
    const seqs = async (filter: Parameters<TaskLog['query']>[0]) => (await log.query(filter, 0, 10)).rows.map((row) => row.seq);
    expect(await seqs({ sdkAppId: 1400000002 })).toEqual([2]);
    expect(await seqs({ roomId: 'r1' })).toEqual([1]);
    expect(await seqs({ taskId: 'Task-Alpha' })).toEqual([1]);
    expect(await seqs({ actions: ['StartStreamIngest'], outcomes: ['api-error'] })).toEqual([2]);
    expect(await seqs({ from: at(1), to: at(1) })).toEqual([2]);
    expect(await seqs({ text: 'alpha' })).toEqual([3, 1]);
    expect(await seqs({ text: 'REQ-alpha' })).toEqual([1]);
    expect(await seqs({ text: 'not reach' })).toEqual([2]);
    expect(await seqs({ text: 'parameter.stream' })).toEqual([2]);
    expect(await seqs({ text: 'bye' })).toEqual([3]);
    // One or two characters: no trigram holds them, a scan does.
    expect(await seqs({ text: 'zq' })).toEqual([2]);
    expect(await seqs({ text: 'Q' })).toEqual([3, 2, 1]);
    expect(await seqs({ text: '"quoted"' })).toEqual([]);
    expect(log.facets()).toEqual({ sdkAppIds: [1400000001, 1400000002], roomIds: ['1234', 'r1', 'r2'] });
  });

  it('searches the same without FTS5 (a runtime whose SQLite lacks it gets a plain search table, scanned)', async () => {
    stores = testStores(dataDir, clock);
    stores.database.statement('DROP TABLE log_search').run();
    stores.database.statement('CREATE TABLE log_search (rowid INTEGER PRIMARY KEY, text TEXT NOT NULL)').run();
    const log = await TaskLog.open({ database: stores.database, clock });
    opened.push(log);
    log.record(callRecord({ at: at(0), requestId: 'REQ-alpha', taskId: 'task-alpha' }));
    log.record(
      callRecord({ at: at(1), requestId: 'req-2', errorMessage: 'StreamUrl not reachable', outcome: 'api-error', response: undefined }),
    );
    const seqs = async (text: string) => (await log.query({ text }, 0, 10)).rows.map((row) => row.seq);
    expect(await seqs('alpha')).toEqual([1]);
    expect(await seqs('NOT REACH')).toEqual([2]);
    expect(await seqs('req')).toEqual([2, 1]);
    expect(await seqs('nothing like it')).toEqual([]);
  });

  it('pushes log.appended in batches', async () => {
    const events = new EventBus();
    const seen: EventMap['log.appended'][] = [];
    events.subscribe((name, payload) => {
      if (name === 'log.appended') seen.push(payload as EventMap['log.appended']);
    });
    const log = await open({ events, eventIntervalMs: 30 });
    for (let i = 0; i < 10; i++) log.record(callRecord({ at: at(i), action: 'UpdateStreamIngest' }));
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 2000, interval: 5 });
    expect(seen[0]).toMatchObject({ count: 10, newestSeq: 10, status: { entries: 10 } });
  });

  it('starts a fresh log on a fresh database', async () => {
    const log = await open();
    expect(log.status()).toMatchObject({ entries: 0, files: 0, skipped: 0, newestSeq: 0, writeError: null, pending: 0 });
  });
});
