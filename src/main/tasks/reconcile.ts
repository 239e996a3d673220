import type { LiveTask } from '../../shared/contract/tasks';
import { clientForTask, type IngestClientSource } from './ingest-client';
import { type LaunchRecords, liveTaskOf } from './launch-records';
import type { LiveTaskStore } from './live-task-store';
import { type BackoffOptions, withRetry } from './retry-policy';
import type { Scheduler } from './scheduler';
import { ended, withProblem } from './task-transitions';

export interface ReconcileOptions {
  store: LiveTaskStore;
  records: LaunchRecords;
  clients: IngestClientSource;
  scheduler: Scheduler;
  mediaSeconds?: (streamUrl: string) => number | null;
  backoff?: BackoffOptions;
  random?: () => number;
}

export interface ReconcileReport {
  /** Tasks described again. */
  checked: number;
  running: number;
  ended: number;
  /** No TaskId to ask about: "unknown, check in the TRTC console". */
  unknown: number;
  /** Described but no answer (network, auth): left running, the monitor keeps trying. */
  unanswered: number;
}

/**
 * At start-up, every task the last run may have left behind is settled: each launch record still
 * pending, started or unknown gets a board entry if it has none, then every task not known to be over
 * is described again. With a TaskId it becomes running (InProgress) or ended (NotExist); without one
 * (a Start cut off before its answer) it is unknown, to be checked in the console.
 */
export async function reconcile(options: ReconcileOptions): Promise<ReconcileReport> {
  const toCheck = await restoreBoard(options);
  return describeAgainAll(options, toCheck);
}

/**
 * The local half of reconciling, with no API call: board entries rebuilt from the launch records, and
 * tasks without a TaskId marked unknown. Returns the ids of the tasks to describe again; the app serves
 * the board with these shown as "being checked" before any of them is described.
 */
export async function restoreBoard(options: Pick<ReconcileOptions, 'store' | 'records' | 'scheduler' | 'mediaSeconds'>): Promise<string[]> {
  const { store, scheduler } = options;
  const now = scheduler.now();
  for (const record of options.records.list()) {
    const existing = store.find(record.id);
    if (record.state === 'failed') {
      // The record is settled before the board hears of it: a run killed in between left the
      // board's "launching" entry of a Start that failed. It was never a task.
      if (existing && !existing.taskId && existing.status !== 'ended') await store.remove(record.id);
      continue;
    }
    const fresh = liveTaskOf(record, options.mediaSeconds?.(record.streamUrl) ?? null, now);
    if (!fresh) continue;
    if (!existing) await store.put(fresh);
    else if (existing.status !== 'ended' && !existing.taskId && fresh.taskId)
      await store.put({ ...existing, taskId: fresh.taskId, status: 'running' });
  }
  const toCheck: string[] = [];
  for (const task of store.list()) {
    if (task.status === 'ended') continue;
    if (task.taskId) toCheck.push(task.id);
    else if (task.status !== 'unknown') await store.patch(task.id, (current) => ({ ...current, status: 'unknown' }));
  }
  return toCheck;
}

/**
 * The remote half: each task is described again through the shared limiter (background lane), so 200
 * tasks take about twelve of the API's seconds and a click still gets through. `onChecked` is told as
 * each answer (or failure) is applied; `signal` stops what has not been sent yet (the app is closing).
 */
export async function describeAgainAll(
  options: ReconcileOptions & { onChecked?: (id: string) => void; signal?: AbortSignal },
  ids: readonly string[],
): Promise<ReconcileReport> {
  const report: ReconcileReport = { checked: 0, running: 0, ended: 0, unknown: 0, unanswered: 0 };
  for (const task of options.store.list()) if (task.status === 'unknown' && !task.taskId) report.unknown++;
  await Promise.all(
    ids.map(async (id) => {
      const task = options.store.find(id);
      if (options.signal?.aborted || !task?.taskId || task.status === 'ended') return options.onChecked?.(id);
      report.checked++;
      const outcome = await describeAgain(options, task as LiveTask & { taskId: string });
      report[outcome]++;
      options.onChecked?.(id);
    }),
  );
  return report;
}

async function describeAgain(options: ReconcileOptions, task: LiveTask & { taskId: string }): Promise<'running' | 'ended' | 'unanswered'> {
  const { store, scheduler } = options;
  try {
    const { status } = await withRetry(
      async () =>
        (await clientForTask(options.clients, task)).describeStreamIngest({ SdkAppId: task.sdkAppId, TaskId: task.taskId }, 'reconcile'),
      { action: 'DescribeStreamIngest', scheduler, options: options.backoff, random: options.random },
    );
    const at = scheduler.now();
    if (status === 'NotExist') {
      await store.patch(task.id, (current) => ({ ...ended(current, 'not-exist', at), lastCheckedAt: at, lastError: null }));
      return 'ended';
    }
    await store.patch(task.id, (current) => ({ ...current, status: 'running', lastCheckedAt: at, lastError: null }));
    return 'running';
  } catch (error) {
    await store.patch(task.id, (current) => ({ ...withProblem(current, error, scheduler.now()), status: 'running' }));
    return 'unanswered';
  }
}
