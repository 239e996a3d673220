import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventMap } from '../../shared/contract';
import { EventBus } from '../app/event-bus';
import { StoreProblems } from '../storage/store-problems';
import { logFileName } from './log-files';
import { TaskLog, type TaskLogOptions } from './task-log';
import { callRecord } from './test-records';

const base = Date.UTC(2026, 10, 27, 12, 0, 0);
const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

describe('TaskLog', () => {
  let dataDir: string;
  let now: number;
  const opened: TaskLog[] = [];
  const clock = { now: () => now };
  const open = async (options: Partial<TaskLogOptions> = {}) => {
    const log = await TaskLog.open({ dataDir, clock, problems: new StoreProblems(), ...options });
    opened.push(log);
    return log;
  };
  const logDir = () => join(dataDir, 'log');
  const lines = async (file = logFileName(1)) =>
    (await readFile(join(logDir(), file), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'task-log-'));
    now = base;
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((log) => log.close()));
  });

  it('appends one JSON line per call with an id and a sequence number, and reads them back newest first', async () => {
    const log = await open();
    log.record(
      callRecord({ action: 'StartStreamIngest', at: at(0), requestId: 'r-start', taskId: 'task-1', response: { TaskId: 'task-1' } }),
    );
    log.record(callRecord({ action: 'StopStreamIngest', at: at(1), requestId: 'r-stop', response: undefined }));
    await log.flushed();
    const written = await lines();
    expect(written.map((line) => [line.v, line.type, line.seq, line.action])).toEqual([
      [1, 'call', 1, 'StartStreamIngest'],
      [1, 'call', 2, 'StopStreamIngest'],
    ]);
    expect(written[0].id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(written[0].id).not.toBe(written[1].id);
    await log.close();

    const again = await open();
    const page = await again.query({}, 0, 10);
    expect(page.total).toBe(2);
    expect(page.rows.map((row) => row.requestId)).toEqual(['r-stop', 'r-start']);
    expect(page.rows[0]).not.toHaveProperty('params');
    expect(await again.entry(written[0].id)).toMatchObject({ action: 'StartStreamIngest', params: { SdkAppId: 1400000001 } });
    // Numbering continues after a restart.
    again.record(callRecord({ at: at(2) }));
    await again.flushed();
    expect((await lines()).at(-1).seq).toBe(3);
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

  it('keeps lines queued when a write fails, reports it, and writes them once the disk is back', async () => {
    // Tiny files: every line opens a new file, so a missing folder makes the next write fail.
    const log = await open({ maxFileBytes: 10, retryMs: 20 });
    log.record(callRecord({ at: at(0), requestId: 'before' }));
    await log.flushed();
    await rename(logDir(), `${logDir()}-away`);
    await writeFile(logDir(), 'not a folder');
    log.record(callRecord({ at: at(1), requestId: 'during' }));
    await log.flushed();
    const status = log.status();
    expect(status.writeError?.message).toMatch(/ENOTDIR|EEXIST|ENOENT/);
    expect(status.pending).toBe(1);
    // Still searchable while it waits.
    expect((await log.query({ text: 'during' }, 0, 10)).total).toBe(1);

    await rm(logDir());
    await rename(`${logDir()}-away`, logDir());
    await vi.waitFor(() => expect(log.status()).toMatchObject({ writeError: null, pending: 0 }), { timeout: 2000, interval: 10 });
    expect((await lines(logFileName(2)))[0].requestId).toBe('during');
  });

  it('fsyncs Start and Stop lines before moving on, and other lines within the sync interval', async () => {
    const log = await open({ syncIntervalMs: 50 });
    log.record(callRecord({ action: 'DescribeStreamIngest', at: at(0) }));
    await log.flushed();
    expect(log.status().unsynced).toBe(1);
    await vi.waitFor(() => expect(log.status().unsynced).toBe(0), { timeout: 2000, interval: 5 });

    log.record(callRecord({ action: 'UpdateStreamIngest', at: at(1) }));
    log.record(callRecord({ action: 'StartStreamIngest', at: at(2) }));
    await log.flushed();
    expect(log.status().unsynced).toBe(0);
  });

  it('rotates by size and keeps only the newest files the retention setting allows', async () => {
    const log = await open({ maxFileBytes: 1500 });
    for (let i = 0; i < 40; i++) log.record(callRecord({ action: 'UpdateStreamIngest', at: at(i), requestId: `r-${i}` }));
    await log.flushed();
    const files = (await readdir(logDir())).filter((name) => name.endsWith('.jsonl')).sort();
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) expect((await stat(join(logDir(), file))).size).toBeLessThanOrEqual(1500);

    const status = await log.updateRetention({ maxFiles: 3 });
    const kept = (await readdir(logDir())).filter((name) => name.endsWith('.jsonl')).sort();
    expect(kept).toEqual(files.slice(-3));
    expect(status).toMatchObject({ files: 3, retention: { maxFiles: 3 } });
    const onDisk = (await Promise.all(kept.map((file) => lines(file)))).flat();
    expect((await log.query({}, 0, 500)).total).toBe(onDisk.length);
    expect((await log.query({}, 0, 1)).rows[0]?.requestId).toBe('r-39');

    // Rotation applies the setting as it goes; a restart keeps it.
    for (let i = 40; i < 60; i++) log.record(callRecord({ action: 'UpdateStreamIngest', at: at(i), requestId: `r-${i}` }));
    await log.flushed();
    expect((await readdir(logDir())).filter((name) => name.endsWith('.jsonl'))).toHaveLength(3);
    const newestFirst = (await log.query({}, 0, 500)).rows.map((row) => row.seq);
    await log.close();

    // A restart answers with the newest file at once and indexes the older ones behind it, in order.
    const again = await open();
    expect(again.status().retention.maxFiles).toBe(3);
    await again.whenIndexed();
    expect(again.status()).toMatchObject({ indexing: false, files: 3 });
    expect(await again.query({}, 0, 500)).toMatchObject({ complete: true, total: newestFirst.length });
    expect((await again.query({}, 0, 500)).rows.map((row) => row.seq)).toEqual(newestFirst);
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));
  });

  it('deletes files whose newest line is older than the retention age, never the current file', async () => {
    const log = await open({ maxFileBytes: 1500 });
    for (let i = 0; i < 20; i++) log.record(callRecord({ action: 'UpdateStreamIngest', at: at(i) }));
    await log.flushed();
    const before = (await readdir(logDir())).filter((name) => name.endsWith('.jsonl')).sort();
    now = base + 3 * 86_400_000;
    await log.updateRetention({ maxAgeDays: 2 });
    const after = (await readdir(logDir())).filter((name) => name.endsWith('.jsonl'));
    expect(after).toEqual([before.at(-1)]);
    expect(log.status().entries).toBe((await lines(before.at(-1))).length);
  });

  it('skips a torn last line after a crash with a note, and appends cleanly after it', async () => {
    const first = await open();
    first.record(callRecord({ at: at(0), requestId: 'a', action: 'StartStreamIngest' }));
    first.record(callRecord({ at: at(1), requestId: 'b', action: 'StopStreamIngest' }));
    await first.close();
    const file = join(logDir(), logFileName(1));
    const whole = await readFile(file, 'utf8');
    await writeFile(file, `${whole}{"v":1,"type":"call","id":"x","seq":3,"at":"2026-11-27T12:0`);

    const log = await open();
    expect(log.status()).toMatchObject({ entries: 2, skipped: 1, skippedLines: [{ file: logFileName(1), line: 3, reason: 'torn' }] });
    log.record(callRecord({ at: at(2), requestId: 'c', action: 'StartStreamIngest' }));
    await log.close();

    const text = await readFile(file, 'utf8');
    expect(text.split('\n').at(-2)).toMatch(/"requestId":"c"/);
    const reopened = await open();
    expect((await reopened.query({}, 0, 10)).rows.map((row) => row.requestId)).toEqual(['c', 'b', 'a']);
    expect(reopened.status()).toMatchObject({ skipped: 1, skippedLines: [{ line: 3, reason: 'invalid' }] });
    expect(reopened.status().newestSeq).toBe(3);
  });

  it('folds identical Describe results of one task into one row with a count, and keeps every call on disk', async () => {
    const log = await open();
    for (let i = 0; i < 5; i++) log.record(callRecord({ at: at(i), requestId: `poll-${i}`, latencyMs: 10 + i }));
    log.record(callRecord({ at: at(5), taskId: 'task-2', requestId: 'other-task' }));
    log.record(callRecord({ at: at(6), requestId: 'gone', response: { Status: 'NotExist' } }));
    log.record(callRecord({ at: at(7), action: 'StopStreamIngest', requestId: 'stop', response: undefined }));
    log.record(callRecord({ at: at(8), requestId: 'after-stop', response: { Status: 'NotExist' } }));
    await log.flushed();

    const written = await lines();
    expect(written.map((line) => line.type)).toEqual(['call', 'repeat', 'repeat', 'repeat', 'repeat', 'call', 'call', 'call', 'call']);
    expect(written.slice(1, 5).map((line) => line.requestId)).toEqual(['poll-1', 'poll-2', 'poll-3', 'poll-4']);

    const check = async (target: TaskLog) => {
      const { rows } = await target.query({}, 0, 10);
      expect(rows.map((row) => row.requestId)).toEqual(['after-stop', 'stop', 'gone', 'other-task', 'poll-0']);
      expect(rows.at(-1)?.repeat).toEqual({ count: 5, lastAt: at(4), lastRequestId: 'poll-4', lastLatencyMs: 14 });
      expect(rows[0]?.repeat).toBeUndefined();
      // A folded call's RequestId still finds its row.
      expect((await target.query({ text: 'poll-3' }, 0, 10)).rows.map((row) => row.requestId)).toEqual(['poll-0']);
    };
    await check(log);
    await log.close();
    await check(await open());
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

  it('starts a fresh log in an empty data dir and ignores foreign files in the log folder', async () => {
    await mkdir(logDir(), { recursive: true });
    await writeFile(join(logDir(), 'notes.txt'), 'not a log');
    const log = await open();
    expect(log.status()).toMatchObject({ entries: 0, files: 0, skipped: 0, newestSeq: 0, writeError: null });
  });
});
