import type { LiveTask } from '../../shared/contract/tasks';
import { clientForTask, type IngestClientSource } from './ingest-client';
import type { LiveTaskStore } from './live-task-store';
import type { Cancel, Scheduler } from './scheduler';
import { ended, isTracked, withProblem } from './task-transitions';

export interface TaskMonitorOptions {
  store: LiveTaskStore;
  /** Clients behind the shared limiter: polls run in its background lane. */
  clients: IngestClientSource;
  scheduler: Scheduler;
  random?: () => number;
  /** Each task is described every `minIntervalMs`..`maxIntervalMs` (random, so polls spread out). */
  minIntervalMs?: number;
  maxIntervalMs?: number;
  /** Longest wait between polls of a task whose polls keep failing. */
  maxBackoffMs?: number;
  /** Told when a poll finds the task gone. */
  onEnded?: (task: LiveTask) => void;
}

interface Watch {
  cancel?: Cancel;
  failures: number;
  inFlight: boolean;
}

/**
 * Polls DescribeStreamIngest for every running task, in main only, and writes what it learns to the
 * store (which pushes `tasks.changed`): InProgress keeps the task running, NotExist ends it ("ended or
 * stopped") and its polling stops; failures back off per task, up to `maxBackoffMs`.
 */
export class TaskMonitor {
  readonly #options: Required<Omit<TaskMonitorOptions, 'onEnded'>> & Pick<TaskMonitorOptions, 'onEnded'>;
  readonly #watches = new Map<string, Watch>();
  #stopped = false;

  constructor(options: TaskMonitorOptions) {
    this.#options = { random: Math.random, minIntervalMs: 5_000, maxIntervalMs: 10_000, maxBackoffMs: 60_000, ...options };
  }

  /** Starts watching every running task on the board, first polls spread over one interval. */
  start(): void {
    for (const task of this.#options.store.list()) if (isTracked(task)) this.watch(task.id);
  }

  /** Polls this task from now on (no-op when it is already watched or not running). */
  watch(id: string, firstInMs?: number): void {
    if (this.#stopped || this.#watches.has(id)) return;
    const task = this.#options.store.find(id);
    if (!task || !isTracked(task)) return;
    const watch: Watch = { failures: 0, inFlight: false };
    this.#watches.set(id, watch);
    this.#arm(id, watch, firstInMs ?? this.#options.random() * this.#options.maxIntervalMs);
  }

  unwatch(id: string): void {
    this.#watches.get(id)?.cancel?.();
    this.#watches.delete(id);
  }

  watching(): string[] {
    return [...this.#watches.keys()];
  }

  /** Polls sent and not yet answered (tests driving a fake clock against real I/O wait for 0). */
  inFlight(): number {
    let count = 0;
    for (const watch of this.#watches.values()) if (watch.inFlight) count++;
    return count;
  }

  /** Describes the task now (a click: user lane) and applies the answer. */
  async checkNow(id: string): Promise<LiveTask> {
    const task = this.#options.store.get(id);
    if (!isTracked(task)) return task;
    return this.#describe(task, 'refresh');
  }

  close(): void {
    this.#stopped = true;
    for (const id of [...this.#watches.keys()]) this.unwatch(id);
  }

  #arm(id: string, watch: Watch, delayMs: number): void {
    watch.cancel = this.#options.scheduler.schedule(delayMs, () => void this.#poll(id, watch));
  }

  #interval(): number {
    const { minIntervalMs, maxIntervalMs, random } = this.#options;
    return minIntervalMs + random() * (maxIntervalMs - minIntervalMs);
  }

  async #poll(id: string, watch: Watch): Promise<void> {
    if (this.#watches.get(id) !== watch || watch.inFlight) return;
    const task = this.#options.store.find(id);
    if (!task || !isTracked(task)) {
      this.unwatch(id);
      return;
    }
    watch.inFlight = true;
    try {
      const after = await this.#describe(task, 'poll');
      watch.failures = after.lastError ? watch.failures + 1 : 0;
    } catch {
      // The store could not be written (disk full, read-only document): try again later.
      watch.failures++;
    } finally {
      watch.inFlight = false;
    }
    if (this.#watches.get(id) !== watch) return;
    const current = this.#options.store.find(id);
    if (!current || !isTracked(current)) {
      this.unwatch(id);
      return;
    }
    this.#arm(id, watch, watch.failures === 0 ? this.#interval() : this.#backoff(watch.failures));
  }

  /** Equal jitter: half the exponential step fixed, half random, so a failing task is not hammered. */
  #backoff(failures: number): number {
    const step = Math.min(this.#options.maxBackoffMs, this.#options.minIntervalMs * 2 ** failures);
    return step / 2 + (this.#options.random() * step) / 2;
  }

  async #describe(task: LiveTask & { taskId: string }, purpose: 'poll' | 'refresh'): Promise<LiveTask> {
    const { store, scheduler } = this.#options;
    let status: string;
    try {
      const client = await clientForTask(this.#options.clients, task);
      ({ status } = await client.describeStreamIngest({ SdkAppId: task.sdkAppId, TaskId: task.taskId }, purpose));
    } catch (error) {
      return store.patch(task.id, (current) => withProblem(current, error, scheduler.now()));
    }
    const now = scheduler.now();
    if (status === 'NotExist') {
      this.unwatch(task.id);
      const gone = await store.patch(task.id, (current) => ({ ...ended(current, 'not-exist', now), lastCheckedAt: now, lastError: null }));
      this.#options.onEnded?.(gone);
      return gone;
    }
    const current = store.get(task.id);
    // Only a change is written: an unchanged InProgress would rewrite the file every few seconds.
    if (current.lastError === null && current.lastCheckedAt !== null && current.status === 'running') return store.confirm(task.id, now);
    return store.patch(task.id, (latest) => (latest.status === 'ended' ? latest : { ...latest, lastError: null, lastCheckedAt: now }));
  }
}
