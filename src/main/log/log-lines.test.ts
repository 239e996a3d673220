import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreProblems } from '../storage/store-problems';
import { logFileName } from './log-files';
import { TaskLog, type TaskLogOptions } from './task-log';
import { callRecord } from './test-records';

const base = Date.UTC(2026, 10, 27, 12, 0, 0);
const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

/** The index keeps only where each line is: these read full entries back from the files by offset. */
describe('TaskLog reads entries back from disk', () => {
  let dataDir: string;
  const opened: TaskLog[] = [];
  const clock = { now: () => base };
  const open = async (options: Partial<TaskLogOptions> = {}) => {
    const log = await TaskLog.open({ dataDir, clock, problems: new StoreProblems(), ...options });
    opened.push(log);
    return log;
  };
  const logDir = () => join(dataDir, 'log');
  const logFiles = async () => (await readdir(logDir())).filter((name) => name.endsWith('.jsonl')).sort();

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'task-log-lines-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((log) => log.close()));
    await rm(dataDir, { recursive: true, force: true });
  });

  /** 30 Updates with distinct parameters (nothing folds), spread over several small files. */
  const recordUpdates = (log: TaskLog, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      log.record(
        callRecord({
          action: 'UpdateStreamIngest',
          at: at(i),
          requestId: `r-${i}`,
          params: { TaskId: `task-${i}`, Volume: i },
          response: { N: i },
        }),
      );
    }
  };

  it('answers every entry with its parameters and response, across rotated files and after a restart', async () => {
    const warn = vi.fn();
    const log = await open({ maxFileBytes: 1500, warn });
    recordUpdates(log, 0, 30);
    // Before the lines are written: from memory.
    expect(await log.entries({}, 100)).toMatchObject({ total: 30 });
    await log.flushed();
    expect((await logFiles()).length).toBeGreaterThan(4);

    const check = async (target: TaskLog) => {
      const { entries, total } = await target.entries({}, 100);
      expect(total).toBe(30);
      expect(entries.map((entry) => [entry.requestId, entry.params, entry.response])).toEqual(
        Array.from({ length: 30 }, (_, k) => 29 - k).map((i) => [`r-${i}`, { TaskId: `task-${i}`, Volume: i }, { N: i }]),
      );
      // One entry of the oldest file, by id; a page from the middle, without parameters.
      expect(await target.entry(entries[29]?.id as string)).toMatchObject({ requestId: 'r-0', params: { Volume: 0 } });
      const page = await target.query({}, 10, 5);
      expect(page.rows.map((row) => row.requestId)).toEqual(['r-19', 'r-18', 'r-17', 'r-16', 'r-15']);
      expect(page.rows[0]).not.toHaveProperty('params');
      expect((await target.query({ text: 'r-7' }, 0, 5)).rows.map((row) => row.seq)).toEqual([8]);
    };
    await check(log);
    await log.close();
    const again = await open({ maxFileBytes: 1500, warn });
    await again.whenIndexed();
    await check(again);
    // Every line was where the index said (both the offsets counted while appending and those read at start-up).
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads a folded row with its parameters and its repeat count, before and after a restart', async () => {
    const log = await open();
    log.record(
      callRecord({ at: at(0), action: 'StartStreamIngest', requestId: 'start', params: { StreamUrl: 'https://media.example/a.m3u8' } }),
    );
    for (let i = 1; i <= 4; i++) log.record(callRecord({ at: at(i), requestId: `poll-${i}`, latencyMs: 10 + i }));
    await log.flushed();
    const check = async (target: TaskLog) => {
      const [folded] = (await target.query({ actions: ['DescribeStreamIngest'] }, 0, 10)).rows;
      expect(folded?.repeat).toEqual({ count: 4, lastAt: at(4), lastRequestId: 'poll-4', lastLatencyMs: 14 });
      const entry = await target.entry(folded?.id as string);
      expect(entry).toMatchObject({
        requestId: 'poll-1',
        params: { TaskId: 'task-1' },
        response: { Status: 'InProgress' },
        repeat: { count: 4 },
      });
      expect((await target.entries({ text: 'poll-3' }, 10)).entries.map((item) => item.requestId)).toEqual(['poll-1']);
      expect((await target.entries({ actions: ['StartStreamIngest'] }, 10)).entries[0]?.params).toEqual({
        StreamUrl: 'https://media.example/a.m3u8',
      });
    };
    await check(log);
    await log.close();
    await check(await open());
  });

  it('forgets the entries of a file dropped by retention and still reads the others', async () => {
    const log = await open({ maxFileBytes: 1500 });
    recordUpdates(log, 0, 30);
    await log.flushed();
    const { entries } = await log.entries({}, 100);
    const oldest = entries.at(-1)?.id as string;
    const newest = entries[0]?.id as string;
    await log.updateRetention({ maxFiles: 2 });
    expect(await logFiles()).toHaveLength(2);
    await expect(log.entry(oldest)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await log.entry(newest)).toMatchObject({ requestId: 'r-29', params: { Volume: 29 } });
    const kept = await log.entries({}, 100);
    expect(kept.total).toBe(log.status().entries);
    expect(kept.entries.every((entry, k) => entry.params.Volume === 29 - k)).toBe(true);
  });

  it('finds lines written after a torn last line, at the offset the appender really used', async () => {
    const first = await open();
    first.record(callRecord({ at: at(0), requestId: 'a', action: 'StartStreamIngest' }));
    await first.close();
    const file = join(logDir(), logFileName(1));
    await writeFile(file, `${await readFile(file, 'utf8')}{"v":1,"type":"call","id":"x","seq":2,"at":"2026-11-27T12:0`);

    const warn = vi.fn();
    const log = await open({ warn });
    log.record(callRecord({ at: at(1), requestId: 'b', action: 'StopStreamIngest', params: { TaskId: 'after-torn' } }));
    await log.flushed();
    const [row] = (await log.query({}, 0, 1)).rows;
    // The entry is no longer in memory: this reads the file at the recorded offset.
    expect(await log.entry(row?.id as string)).toMatchObject({ requestId: 'b', params: { TaskId: 'after-torn' } });
    expect((await log.entries({}, 10)).entries.map((entry) => entry.requestId)).toEqual(['b', 'a']);
    expect(warn).not.toHaveBeenCalledWith(expect.stringMatching(/not at their offsets/));
  });

  it('still finds a line whose offset moved (the file changed under the index)', async () => {
    const warn = vi.fn();
    const log = await open({ warn });
    for (let i = 0; i < 3; i++)
      log.record(callRecord({ at: at(i), action: 'UpdateStreamIngest', requestId: `m-${i}`, params: { Volume: i } }));
    await log.flushed();
    const file = join(logDir(), logFileName(1));
    await writeFile(file, `\n\n${await readFile(file, 'utf8')}`);
    expect((await log.entries({}, 10)).entries.map((entry) => entry.params.Volume)).toEqual([2, 1, 0]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/task-log-000001.jsonl were not at their offsets/));
  });

  it('answers entries that are waiting for a failed write from memory', async () => {
    const log = await open({ maxFileBytes: 10, retryMs: 20 });
    log.record(callRecord({ at: at(0), requestId: 'before' }));
    await log.flushed();
    await rename(logDir(), `${logDir()}-away`);
    await writeFile(logDir(), 'not a folder');
    log.record(callRecord({ at: at(1), requestId: 'during', params: { Volume: 7 } }));
    await log.flushed();
    expect(log.status().pending).toBe(1);
    const [row] = (await log.query({ text: 'during' }, 0, 10)).rows;
    expect(row).toMatchObject({ requestId: 'during' });
    expect(await log.entry(row?.id as string)).toMatchObject({ params: { Volume: 7 } });

    await rm(logDir());
    await rename(`${logDir()}-away`, logDir());
    await vi.waitFor(() => expect(log.status()).toMatchObject({ writeError: null, pending: 0 }), { timeout: 2000, interval: 10 });
    // Written now: read from its file.
    expect(await log.entry(row?.id as string)).toMatchObject({ requestId: 'during', params: { Volume: 7 } });
  });
});
