import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../shared/contract/launch';
import { databaseFileName } from '../db/database';
import { migrations } from '../db/schema';
import { testStores } from '../db/test-support/test-database';
import { runInCall } from '../rpc/current-call';
import { testCallContext } from '../rpc/test-support/call-context';
import { startFaultApp } from '../tasks/test-support/fault-app';
import { TaskLog } from './task-log';
import { callRecord } from './test-support/test-records';

/**
 * Each page call's id reaches the log entries of the API calls made while handling it (the dispatcher
 * sets it, the recorder reads it), so a click and its calls can be joined; background work has none.
 */
describe('the call id in the task log', () => {
  it("marks a launch's Start and a refresh's Describe with their own call ids, and the background polls with none", async () => {
    let calls = 0;
    const app = await startFaultApp({
      timeoutSeconds: 5,
      backoff: { baseMs: 40, capMs: 160, maxAttempts: 5 },
      poll: { minIntervalMs: 100, maxIntervalMs: 200 },
      callIds: () => `call-${++calls}`,
    });
    try {
      const answer = await app.dispatch('launch.start', { source: { kind: 'preset', presetId: app.presetId }, confirmLive: true });
      if (!answer.ok) throw new Error(answer.error.message);
      const taskId = (answer.value as TaskRecord).taskId as string;
      // The poll was armed while the launch was being handled; it still is background work.
      await expect
        .poll(async () => (await app.log.query({ taskId, actions: ['DescribeStreamIngest'] }, 0, 10)).rows.length, { timeout: 10_000 })
        .toBeGreaterThan(0);
      const board = app.tasks.list().find((task) => task.taskId === taskId);
      expect(await app.dispatch('tasks.refresh', { id: board?.id ?? '' })).toMatchObject({ ok: true });

      const { rows } = await app.log.query({ taskId }, 0, 50);
      const start = rows.find((row) => row.action === 'StartStreamIngest');
      const polls = rows.filter((row) => row.action === 'DescribeStreamIngest' && row.purpose === 'poll');
      const refresh = rows.filter((row) => row.action === 'DescribeStreamIngest' && row.purpose !== 'poll');
      expect(start?.callId).toBe('call-1');
      expect(polls.length).toBeGreaterThan(0);
      for (const poll of polls) expect(poll.callId).toBeUndefined();
      expect(refresh.map((row) => row.callId)).toEqual(['call-2']);

      // One filter field finds a page action's calls.
      expect((await app.log.query({ callId: 'call-1' }, 0, 10)).rows.map((row) => row.action)).toEqual(['StartStreamIngest']);
      expect((await app.log.query({ callId: 'call-2' }, 0, 10)).rows).toHaveLength(1);
    } finally {
      await app.close();
    }
  }, 30_000);

  it("files a batch's Starts, sent in the background lane after the call answered, under the batch call's id", async () => {
    let calls = 0;
    const app = await startFaultApp({
      timeoutSeconds: 5,
      backoff: { baseMs: 40, capMs: 160, maxAttempts: 5 },
      callIds: () => `call-${++calls}`,
    });
    try {
      const items = ['7001', '7002', '7003'].map((roomId) => ({ presetId: app.presetId, roomId }));
      const answer = await app.dispatch('tasks.batchStart', { items, confirmLive: true });
      if (!answer.ok) throw new Error(answer.error.message);
      await app.tasks.batches.settled((answer.value as { id: string }).id);
      const starts = (await app.log.query({ actions: ['StartStreamIngest'] }, 0, 10)).rows;
      expect(starts.map((row) => row.callId)).toEqual(['call-1', 'call-1', 'call-1']);
    } finally {
      await app.close();
    }
  }, 30_000);

  it('opens a log written before call ids (schema 2): its rows read as before and new rows carry their id', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'log-call-id-'));
    const old = new DatabaseSync(join(dataDir, databaseFileName));
    for (const step of migrations.slice(0, 2)) typeof step === 'string' ? old.exec(step) : step(old);
    const entry = JSON.stringify({ ...callRecord({ requestId: 'req-old' }), id: 'old-1', seq: 1 });
    old
      .prepare(
        `INSERT INTO log_entries (seq, id, segment, at_ms, last_at_ms, action, outcome, purpose, profile_id, bytes, entry)
         VALUES (1, 'old-1', 1, 0, 0, 'DescribeStreamIngest', 'ok', 'poll', 'profile-1', ?, ?)`,
      )
      .run(entry.length, entry);
    old.exec('INSERT INTO log_segments (segment, entries, bytes, newest_ms, last_seq) VALUES (1, 1, 100, 0, 1); PRAGMA user_version = 2');
    old.close();

    const clock = { now: () => Date.UTC(2026, 10, 27, 13) };
    const stores = testStores(dataDir, clock);
    const log = await TaskLog.open({ database: stores.database, clock });
    try {
      runInCall(testCallContext({ callId: 'call-new' }), () => log.record(callRecord({ requestId: 'req-new', purpose: 'refresh' })));
      expect((await log.query({}, 0, 10)).rows.map((row) => [row.requestId, row.callId])).toEqual([
        ['req-new', 'call-new'],
        ['req-old', undefined],
      ]);
      expect((await log.query({ callId: 'call-new' }, 0, 10)).rows.map((row) => row.requestId)).toEqual(['req-new']);
    } finally {
      await log.close();
      stores.close();
    }
  });
});
