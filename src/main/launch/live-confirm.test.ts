import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import type { TaskRecord } from '../../shared/contract/launch';
import type { BatchView } from '../../shared/contract/tasks';
import { startHttpHost } from '../host/http-host';
import { type FaultApp, faultDraft, startFaultApp } from '../tasks/test-support/fault-app';

/**
 * Main refuses every Start into a live account without the caller's `confirmLive: true`, whatever
 * the page did: through the real dispatcher, services and official SDK, to a user account (so live)
 * whose custom endpoint is a local sandbox that counts what it receives.
 */
describe('live launches need confirmLive in the call', () => {
  let app: FaultApp;

  beforeEach(async () => {
    app = await startFaultApp({ timeoutSeconds: 5, backoff: { baseMs: 40, capMs: 160, maxAttempts: 2 } });
  });
  afterEach(async () => {
    await app.close();
  });

  const starts = () => app.sandbox.requests().filter((request) => request.action === 'StartStreamIngest').length;
  const records = async () => value<TaskRecord[]>(await app.dispatch('launch.tasks', {}));
  const refusedForLive = { ok: false, error: { code: 'CONFLICT', details: { guard: 'liveConfirm' } } };

  it('launch.start: refused without it (no Start, no record), sent with it', async () => {
    const source = { kind: 'preset', presetId: app.presetId };
    expect(await app.dispatch('launch.start', { source })).toMatchObject(refusedForLive);
    expect(await app.dispatch('launch.start', { source, confirmLive: false })).toMatchObject(refusedForLive);
    expect(starts()).toBe(0);
    expect(await records()).toEqual([]);

    const record = value<TaskRecord>(await app.dispatch('launch.start', { source, confirmLive: true }));
    expect(record.state).toBe('started');
    expect(starts()).toBe(1);
    expect((await records()).map((each) => each.id)).toEqual([record.id]);
  });

  it('launch.retry of a failed live record: refused without it, sent with it', async () => {
    app.sandbox.faults.set('StartStreamIngest', { error: { code: 'InternalError', times: 1 } });
    const failed = value<TaskRecord>(
      await app.dispatch('launch.start', { source: { kind: 'preset', presetId: app.presetId }, confirmLive: true }),
    );
    expect(failed.state).toBe('failed');
    app.sandbox.faults.clear();
    expect(starts()).toBe(1);

    expect(await app.dispatch('launch.retry', { recordId: failed.id })).toMatchObject(refusedForLive);
    expect(starts()).toBe(1);
    expect((await records()).map((each) => each.id)).toEqual([failed.id]);

    const retried = value<TaskRecord>(await app.dispatch('launch.retry', { recordId: failed.id, confirmLive: true }));
    expect(retried).toMatchObject({ state: 'started', retryOf: failed.id });
    expect(starts()).toBe(2);
  });

  it('tasks.batchStart with a live item: refused whole without it, each item sent with it', async () => {
    const items = [{ presetId: app.presetId }, { presetId: app.presetId, roomId: '4321' }];
    expect(await app.dispatch('tasks.batchStart', { items })).toMatchObject(refusedForLive);
    expect(value<BatchView[]>(await app.dispatch('tasks.batches', {}))).toEqual([]);
    expect(starts()).toBe(0);
    expect(await records()).toEqual([]);

    const batch = value<BatchView>(await app.dispatch('tasks.batchStart', { items, confirmLive: true }));
    await app.tasks.batches.settled(batch.id);
    const [done] = value<BatchView[]>(await app.dispatch('tasks.batches', {}));
    expect(done?.items.map((item) => item.state)).toEqual(['started', 'started']);
    expect(starts()).toBe(2);
    expect(await records()).toHaveLength(2);
  });

  it('a one-off draft into the live app is refused too, and a draft into an app nobody set up sends nothing either way', async () => {
    expect(await app.dispatch('launch.start', { source: { kind: 'draft', draft: faultDraft({ roomId: '99' }) } })).toMatchObject(
      refusedForLive,
    );
    expect(
      await app.dispatch('launch.start', { source: { kind: 'draft', draft: faultDraft({ sdkAppId: 1400999999 }) }, confirmLive: true }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(starts()).toBe(0);
    expect(await records()).toEqual([]);
  });

  it('over the browser host (HTTP): launch.start into the live app without confirmLive is refused, and nothing leaves', async () => {
    const rendererDir = await mkdtemp(join(tmpdir(), 'live-confirm-renderer-'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>desk</title>');
    const host = await startHttpHost({ services: app, rendererDir, token: 'live-confirm-token' });
    const post = async (input: unknown) => {
      const response = await fetch(`http://127.0.0.1:${host.port}/rpc/launch.start`, {
        method: 'POST',
        headers: { Authorization: 'Bearer live-confirm-token', 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Result<unknown>;
    };
    try {
      const source = { kind: 'preset', presetId: app.presetId };
      expect(await post({ source })).toMatchObject(refusedForLive);
      // A string is not a confirmation: the contract's schema refuses it before the service runs.
      expect(await post({ source, confirmLive: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(starts()).toBe(0);
      expect(await records()).toEqual([]);
      expect(await post({ source, confirmLive: true })).toMatchObject({ ok: true, value: { state: 'started' } });
      expect(starts()).toBe(1);
    } finally {
      await host.close();
      await rm(rendererDir, { recursive: true, force: true });
    }
  });
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
