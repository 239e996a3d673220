import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '../../shared/contract/launch';
import { startFaultApp } from '../tasks/test-support/fault-app';

/**
 * A launch's log line is committed before the launch is answered: `record` commits it in its own
 * transaction while the Start's answer is still on its way to the launch service, which then commits
 * the settled record and only then answers. A log that cannot write never turns the Start into an error.
 */
describe("a launch's log line", () => {
  it('is in the database when the Start is answered, with the TaskId the answer carries', async () => {
    const app = await startFaultApp({ timeoutSeconds: 5, backoff: { baseMs: 40, capMs: 160, maxAttempts: 5 } });
    try {
      const answer = await app.dispatch('launch.start', { source: { kind: 'preset', presetId: app.presetId }, confirmLive: true });
      if (!answer.ok) throw new Error(answer.error.message);
      const record = answer.value as TaskRecord;
      expect(record.state).toBe('started');
      // No flush: nothing is waiting to be written.
      expect(app.log.status()).toMatchObject({ pending: 0, writeError: null });
      const history = await app.log.query({ taskId: record.taskId as string }, 0, 10);
      expect(history.rows).toEqual([
        expect.objectContaining({ action: 'StartStreamIngest', outcome: 'ok', taskId: record.taskId, requestId: record.requestId }),
      ]);
    } finally {
      await app.close();
    }
  }, 30_000);

  it('failing to be written (the log closed under it) leaves the Start answered as started', async () => {
    const app = await startFaultApp({ timeoutSeconds: 5, backoff: { baseMs: 40, capMs: 160, maxAttempts: 5 } });
    try {
      await app.log.close();
      const answer = await app.dispatch('launch.start', { source: { kind: 'preset', presetId: app.presetId }, confirmLive: true });
      expect(answer).toMatchObject({ ok: true, value: { state: 'started' } });
    } finally {
      await app.close();
    }
  }, 30_000);
});
