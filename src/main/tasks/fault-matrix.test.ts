/**
 * The fault matrix: each TRTC action the app makes (Start through launch, Describe through a refresh,
 * Update through the volume control, Stop) against each fault the sandbox can inject, through the
 * real dispatcher, services, official SDK and HTTP on loopback. Every cell checks the task's state,
 * the message the user gets (a code the error catalog explains in both languages), the task log,
 * how many requests reached the sandbox (retries only where the reference allows, never a second
 * Start), and that the next call without the fault works.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type AppErrorData, detailsOf, type Result } from '../../shared/contract';
import type { TaskRecord } from '../../shared/contract/launch';
import type { LiveTask, StopResult } from '../../shared/contract/tasks';
import { adviceFor, type CatalogLanguage } from '../../shared/trtc/error-catalog';
import type { FaultRule } from '../sandbox';
import type { BackoffOptions } from './retry-policy';
import { type FaultApp, faultDraft, startFaultApp } from './test-support/fault-app';

const timeoutSeconds = 1;
const backoff: BackoffOptions = { baseMs: 40, capMs: 160, maxAttempts: 5 };
const actions = ['Start', 'Describe', 'Update', 'Stop'] as const;
type Action = (typeof actions)[number];

interface Fault {
  name: string;
  rule: FaultRule;
  /** What the answer looks like: an API error (with a RequestId) or no trustworthy answer. */
  kind: 'api-error' | 'no-answer';
  /** The code the user is shown for Describe/Update/Stop (the catalog's key). */
  code: string;
  /** The AppError code of a failed control. */
  errorCode: 'TRTC_API_ERROR' | 'NETWORK_ERROR' | 'TIMEOUT';
  /** Why a Start without a trustworthy answer is unknown. */
  unknownReason?: TaskRecord['unknownReason'];
  /** Whether the reference allows Describe/Update/Stop to be retried on it. */
  retryable: boolean;
  /** Whether the catalog has advice for this very code (else the generic entry). */
  known: boolean;
  /** Only the first answer is lost (after the service acted): a retry gets the real answer. */
  once?: boolean;
}

/** No trustworthy answer (the service may have acted): shown as its network code, retried, explained. */
function noAnswer(
  name: string,
  rule: FaultRule,
  code: 'NETWORK_ERROR' | 'TIMEOUT',
  unknownReason: Fault['unknownReason'],
  once?: true,
): Fault {
  return { name, rule, kind: 'no-answer', code, errorCode: code, unknownReason, retryable: true, known: true, ...(once ? { once } : {}) };
}

/** An API error with a RequestId, shown by its own code. It outlasts every retry (times: 1000), so the counts show the whole budget. */
function apiError(code: string, fault: { name?: string; retryable: boolean; known: boolean }): Fault {
  const { name = code, retryable, known } = fault;
  return { name, rule: { error: { code, times: 1000 } }, kind: 'api-error', code, errorCode: 'TRTC_API_ERROR', retryable, known };
}

const faults: Fault[] = [
  noAnswer('HTTP 503', { failure: 'http-503' }, 'NETWORK_ERROR', 'http-status'),
  noAnswer('hang past the timeout', { failure: 'hang' }, 'TIMEOUT', 'timeout'),
  noAnswer('connection reset', { failure: 'reset' }, 'NETWORK_ERROR', 'connection'),
  // The SDK's fetch only notices a short body at its timeout.
  noAnswer('truncated body', { failure: 'truncated' }, 'TIMEOUT', 'timeout'),
  noAnswer('HTML body', { failure: 'html' }, 'NETWORK_ERROR', 'connection'),
  // The service acts, the answer is lost, the retry is answered: the case retries are for.
  noAnswer(
    'answer lost once after acting',
    { failure: 'reset', failureTimes: 1, failAfterProcessing: true },
    'NETWORK_ERROR',
    'connection',
    true,
  ),
  apiError('RequestLimitExceeded', { name: 'RequestLimitExceeded burst', retryable: true, known: true }),
  apiError('AuthFailure.SignatureExpire', { retryable: false, known: true }),
  apiError('NewlyAddedError.Unexplained', { name: 'unknown error code', retryable: false, known: false }),
];

const apiAction = {
  Start: 'StartStreamIngest',
  Describe: 'DescribeStreamIngest',
  Update: 'UpdateStreamIngest',
  Stop: 'StopStreamIngest',
} as const;

interface CellOutcome {
  action: Action;
  fault: string;
  outcome: string;
  shown: string;
  requests: number;
  logged: string;
  next: string;
  ms: number;
}

const outcomes: CellOutcome[] = [];

afterAll(async () => {
  const order = (row: CellOutcome) => actions.indexOf(row.action) * 100 + faults.findIndex((fault) => fault.name === row.fault);
  const rows = [...outcomes].sort((a, b) => order(a) - order(b));
  console.table(rows);
  const seconds = rows.reduce((sum, row) => sum + row.ms, 0) / 1000;
  console.log(`${rows.length} cells, ${seconds.toFixed(1)} s of cell time in all`);
  // For docs/robustness.md (reports/ is not committed).
  await mkdir('reports', { recursive: true });
  await writeFile(join('reports', 'fault-matrix.json'), `${JSON.stringify({ timeoutSeconds, backoff, cells: rows }, null, 2)}\n`);
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function failure(result: Result<unknown>): AppErrorData {
  if (result.ok) throw new Error('expected a failure, the call succeeded');
  return result.error;
}

/** What the user reads for a code, in both languages: never empty, generic only for unknown codes. */
function expectExplained(code: string, known: boolean): string {
  for (const language of ['en', 'zh-CN'] as CatalogLanguage[]) {
    const advice = adviceFor(code, language);
    expect(advice.explanation.length, `${code} ${language} explanation`).toBeGreaterThan(5);
    expect(advice.fix.length, `${code} ${language} fix`).toBeGreaterThan(5);
    if (known) expect(advice.source).not.toBe('unknown');
    else expect(advice.source).toBe('unknown');
  }
  return `${code} (${adviceFor(code, 'en').source})`;
}

const requestsOf = (app: FaultApp, action: Action) =>
  app.sandbox.requests().filter((request) => request.action === apiAction[action]).length;

async function logOf(app: FaultApp, action: Action) {
  await app.log.flushed();
  return (await app.log.entries({ actions: [apiAction[action]] }, 100)).entries;
}

/** The log has one entry per request of the fault, each with the RequestId when the API answered. */
async function expectLogged(app: FaultApp, action: Action, fault: Fault, count: number): Promise<string> {
  const entries = await logOf(app, action);
  const faulted = entries.filter((entry) => entry.outcome !== 'ok');
  expect(faulted).toHaveLength(count);
  for (const entry of faulted) {
    if (fault.kind === 'api-error') {
      expect(entry).toMatchObject({ outcome: 'api-error', errorCode: fault.code });
      expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } else {
      expect(entry.outcome).toBe('unknown');
      expect(entry.requestId).toBeUndefined();
    }
  }
  const first = faulted[0];
  return `${count} × ${first?.outcome}${first?.requestId ? ' + RequestId' : ''}`;
}

async function launchPreset(app: FaultApp): Promise<TaskRecord> {
  return value<TaskRecord>(await app.dispatch('launch.start', { source: { kind: 'preset', presetId: app.presetId }, confirmLive: true }));
}

/** Launches without a fault (the preset, or its fields in another room) and waits until the board shows it running. */
async function runningTask(app: FaultApp, roomId?: string): Promise<LiveTask & { taskId: string }> {
  const record = roomId
    ? value<TaskRecord>(await app.dispatch('launch.start', { source: { kind: 'draft', draft: faultDraft({ roomId }) }, confirmLive: true }))
    : await launchPreset(app);
  expect(record.state).toBe('started');
  await expect.poll(() => app.tasks.store.find(record.id)?.status).toBe('running');
  return app.tasks.store.get(record.id) as LiveTask & { taskId: string };
}

const sandboxTask = (app: FaultApp, taskId: string) => app.sandbox.tasks().find((task) => task.TaskId === taskId);

async function startCell(app: FaultApp, fault: Fault): Promise<Omit<CellOutcome, 'action' | 'fault' | 'ms'>> {
  // Network faults break the answer after the Start created its task: the ambiguous case.
  app.sandbox.faults.set('StartStreamIngest', { ...fault.rule, ...(fault.kind === 'no-answer' ? { failAfterProcessing: true } : {}) });
  const record = await launchPreset(app);
  expect(requestsOf(app, 'Start'), 'a Start is sent once, never repeated').toBe(1);
  let outcome: string;
  if (fault.kind === 'api-error') {
    expect(record).toMatchObject({ state: 'failed', error: { code: fault.code } });
    expect(record.error?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(app.sandbox.tasks()).toHaveLength(0);
    // The board mirrors launch records in order: once this settled record is applied, all are.
    await app.tasks.trackLaunch(record);
    expect(app.tasks.store.find(record.id)).toBeUndefined();
    outcome = 'failed';
  } else {
    expect(record).toMatchObject({ state: 'unknown', unknownReason: fault.unknownReason, error: { code: 'OUTCOME_UNKNOWN' } });
    // The task does exist: "unknown" is the honest answer, "failed" would hide a billing task.
    expect(app.sandbox.tasks()).toHaveLength(1);
    await expect.poll(() => app.tasks.store.find(record.id)?.status).toBe('unknown');
    // Launching it again needs the user's explicit yes.
    expect(failure(await app.dispatch('launch.retry', { recordId: record.id }))).toMatchObject({
      code: 'CONFLICT',
      details: { guard: 'possibleDuplicate' },
    });
    expect(requestsOf(app, 'Start')).toBe(1);
    outcome = `unknown (${record.unknownReason})`;
  }
  const shown = expectExplained(record.error?.code ?? '', fault.known || fault.kind === 'no-answer');
  const logged = await expectLogged(app, 'Start', fault, 1);
  const [entry] = await logOf(app, 'Start');
  if (record.error?.requestId) expect(entry?.requestId).toBe(record.error.requestId);

  app.sandbox.faults.clear();
  const next = value<TaskRecord>(
    await app.dispatch('launch.start', {
      source: { kind: 'draft', draft: { ...record.launch, roomId: '5678' } },
      confirmLive: true,
    }),
  );
  expect(next.state).toBe('started');
  expect(sandboxTask(app, next.taskId ?? '')?.state).toBe('in-progress');
  await expect.poll(() => app.tasks.store.find(next.id)?.status).toBe('running');
  return { outcome, shown, requests: 1, logged, next: 'Start ok' };
}

async function describeCell(app: FaultApp, fault: Fault): Promise<Omit<CellOutcome, 'action' | 'fault' | 'ms'>> {
  const task = await runningTask(app);
  app.sandbox.faults.set('DescribeStreamIngest', fault.rule);
  const after = value<LiveTask>(await app.dispatch('tasks.refresh', { id: task.id }));
  // A refresh is one click, one request; the monitor's retry is its next poll, after a backoff.
  expect(requestsOf(app, 'Describe')).toBe(1);
  expect(after.status, 'a failed Describe never ends a task').toBe('running');
  expect(after.lastError?.code).toBe(fault.code);
  const shown = expectExplained(after.lastError?.code ?? '', fault.known);
  const logged = await expectLogged(app, 'Describe', fault, 1);

  app.sandbox.faults.clear();
  const next = value<LiveTask>(await app.dispatch('tasks.refresh', { id: task.id }));
  expect(next).toMatchObject({ status: 'running', lastError: null });
  return { outcome: 'still running, problem shown', shown, requests: 1, logged, next: 'Describe ok' };
}

async function updateCell(app: FaultApp, fault: Fault): Promise<Omit<CellOutcome, 'action' | 'fault' | 'ms'>> {
  const task = await runningTask(app);
  app.sandbox.faults.set('UpdateStreamIngest', fault.rule);
  if (fault.once) {
    // The first Update was applied but its answer lost; setting the volume again is harmless, and answered.
    expect(value<LiveTask>(await app.dispatch('tasks.setVolume', { id: task.id, volume: 150 })).volume).toBe(150);
    expect(requestsOf(app, 'Update')).toBe(2);
    expect(sandboxTask(app, task.taskId)?.Volume).toBe(150);
    expect(app.tasks.store.get(task.id)).toMatchObject({ status: 'running', volume: 150, lastError: null });
    const entries = await logOf(app, 'Update');
    expect(entries.map((entry) => entry.outcome).sort()).toEqual(['ok', 'unknown']);
    expect(entries.find((entry) => entry.outcome === 'ok')?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    return { outcome: 'applied on the retry', shown: '-', requests: 2, logged: 'unknown, then ok + RequestId', next: 'Update ok' };
  }
  const error = failure(await app.dispatch('tasks.setVolume', { id: task.id, volume: 150 }));
  const attempts = fault.retryable ? backoff.maxAttempts : 1;
  expect(requestsOf(app, 'Update')).toBe(attempts);
  expect(error.code).toBe(fault.errorCode);
  const code = detailsOf(error, 'TRTC_API_ERROR')?.trtcCode ?? error.code;
  expect(code).toBe(fault.code);
  // Nothing written: the page rolls its optimistic change back to this.
  expect(app.tasks.store.get(task.id)).toMatchObject({ status: 'running', volume: 100 });
  expect(sandboxTask(app, task.taskId)?.Volume).toBe(100);
  const shown = expectExplained(code, fault.known);
  const logged = await expectLogged(app, 'Update', fault, attempts);

  app.sandbox.faults.clear();
  expect(value<LiveTask>(await app.dispatch('tasks.setVolume', { id: task.id, volume: 150 })).volume).toBe(150);
  expect(sandboxTask(app, task.taskId)?.Volume).toBe(150);
  return { outcome: 'unchanged (rolled back)', shown, requests: attempts, logged, next: 'Update ok' };
}

async function stopCell(app: FaultApp, fault: Fault): Promise<Omit<CellOutcome, 'action' | 'fault' | 'ms'>> {
  const task = await runningTask(app);
  app.sandbox.faults.set('StopStreamIngest', fault.rule);
  if (fault.once) {
    // The first Stop went through but its answer was lost; the retry hears "no such task": stopped.
    expect(value<StopResult>(await app.dispatch('tasks.stop', { id: task.id }))).toEqual({ id: task.id, stopped: true });
    expect(requestsOf(app, 'Stop')).toBe(2);
    expect(sandboxTask(app, task.taskId)?.state).toBe('stopped');
    expect(app.tasks.store.get(task.id)).toMatchObject({ status: 'ended', endReason: 'stopped', lastError: null });
    const entries = await logOf(app, 'Stop');
    expect(entries.map((entry) => `${entry.outcome} ${entry.errorCode}`).sort()).toEqual([
      'api-error InvalidParameter.TaskId',
      'unknown NETWORK_ERROR',
    ]);
    expect(entries.find((entry) => entry.outcome === 'api-error')?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The next Stop, of another task, works.
    const other = await runningTask(app, '4321');
    expect(value<StopResult>(await app.dispatch('tasks.stop', { id: other.id }))).toEqual({ id: other.id, stopped: true });
    return {
      outcome: 'stopped (the retry heard "no such task")',
      shown: '-',
      requests: 2,
      logged: 'unknown, then api-error + RequestId',
      next: 'Stop ok',
    };
  }
  const result = value<StopResult>(await app.dispatch('tasks.stop', { id: task.id }));
  const attempts = fault.retryable ? backoff.maxAttempts : 1;
  expect(requestsOf(app, 'Stop')).toBe(attempts);
  expect(result).toMatchObject({ stopped: false, error: { code: fault.code } });
  // The stop did not go through: the task still runs, and the board says so (with the problem).
  expect(sandboxTask(app, task.taskId)?.state).toBe('in-progress');
  expect(app.tasks.store.get(task.id)).toMatchObject({ status: 'running', lastError: { code: fault.code } });
  const shown = expectExplained(result.error?.code ?? '', fault.known);
  const logged = await expectLogged(app, 'Stop', fault, attempts);

  app.sandbox.faults.clear();
  expect(value<StopResult>(await app.dispatch('tasks.stop', { id: task.id }))).toEqual({ id: task.id, stopped: true });
  expect(sandboxTask(app, task.taskId)?.state).toBe('stopped');
  expect(app.tasks.store.get(task.id).status).toBe('ended');
  return { outcome: 'still running, problem shown', shown, requests: attempts, logged, next: 'Stop ok' };
}

const cellRunners = { Start: startCell, Describe: describeCell, Update: updateCell, Stop: stopCell };
const cells = actions.flatMap((action) => faults.map((fault) => ({ action, fault })));

// Each cell has its own app and sandbox, so cells run side by side without sharing a request count.
describe.concurrent('fault matrix: action × fault', () => {
  it.each(cells)('$action × $fault.name', async ({ action, fault }) => {
    const app = await startFaultApp({ timeoutSeconds, backoff });
    const began = performance.now();
    try {
      const row = await cellRunners[action](app, fault);
      expect(app.bugs).toEqual([]);
      outcomes.push({ action, fault: fault.name, ...row, ms: Math.round(performance.now() - began) });
    } finally {
      await app.close();
    }
  });
});
