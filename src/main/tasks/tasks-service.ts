import { AppError } from '../../shared/contract';
import type { LiveTask, StartupCheck, StopResult } from '../../shared/contract/tasks';
import { type AdoptRequest, adoptTask } from './adopt';
import { BatchRunner, type ItemIsLive, type LaunchItem } from './batch';
import { type IngestClientSource, limitedClients, runUntilAborted } from './ingest-client';
import { type LaunchRecords, type LaunchRecordView, liveTaskOf } from './launch-records';
import type { LiveTaskStore, TaskEvents } from './live-task-store';
import { type RateLimiter, rateLimitDefaults } from './rate-limiter';
import { describeAgainAll, type ReconcileReport, restoreBoard } from './reconcile';
import type { BackoffOptions } from './retry-policy';
import { ScheduledStops } from './scheduled-stops';
import { delay, type Scheduler } from './scheduler';
import { TaskControl } from './task-control';
import { TaskMonitor } from './task-monitor';
import { placeEarlierTasks } from './task-place';

export interface TasksServiceDeps {
  store: LiveTaskStore;
  events: TaskEvents;
  scheduler: Scheduler;
  /** One limiter per account and action, shared with every other caller of the API. */
  limiter: RateLimiter;
  /** Clients per profile (not yet limited: the service puts them behind `limiter`). */
  clients: IngestClientSource;
  records: LaunchRecords;
  launchItem: LaunchItem;
  /** Whether a batch item goes to a live account (a batch with one needs the caller's confirmLive). */
  itemIsLive: ItemIsLive;
  profileOfApp: (sdkAppId: number) => Promise<string>;
  mediaUrl: (entryId: string) => Promise<string>;
  mediaSeconds?: (streamUrl: string) => number | null;
  /** Stamps the library entry a switch moved to as used. */
  mediaUsed?: (use: { entryId?: string; url: string }) => void;
  random?: () => number;
  backoff?: BackoffOptions;
  poll?: { minIntervalMs?: number; maxIntervalMs?: number; maxBackoffMs?: number };
}

/**
 * The task board in main: reconciles at start-up, then keeps every running task polled, controllable
 * and (when asked) stopped on schedule, and runs batches. Built from narrow ports so it is tested on
 * a fake clock; the composition root wires the real registry, accounts, media and sandbox in.
 */
export class TasksService {
  readonly store: LiveTaskStore;
  readonly monitor: TaskMonitor;
  readonly control: TaskControl;
  readonly scheduled: ScheduledStops;
  readonly batches: BatchRunner;
  readonly #deps: TasksServiceDeps;
  readonly #clients: IngestClientSource;
  #reconciled: ReconcileReport | null = null;
  #check: StartupCheck = { state: 'done', total: 0, checked: 0, pending: [] };
  #checked: Promise<ReconcileReport> = Promise.resolve({ checked: 0, running: 0, ended: 0, unknown: 0, unanswered: 0 });
  #lastProgressAt = Number.NEGATIVE_INFINITY;
  readonly #closing = new AbortController();
  #tracking: Promise<void> = Promise.resolve();

  constructor(deps: TasksServiceDeps) {
    this.#deps = deps;
    this.store = deps.store;
    this.#clients = limitedClients(deps.clients, deps.limiter);
    const onEnded = (task: LiveTask) => this.#ended(task);
    const random = deps.random ?? Math.random;
    this.monitor = new TaskMonitor({ store: deps.store, clients: this.#clients, scheduler: deps.scheduler, random, onEnded, ...deps.poll });
    this.control = new TaskControl({
      store: deps.store,
      clients: this.#clients,
      scheduler: deps.scheduler,
      mediaUrl: deps.mediaUrl,
      ...(deps.mediaSeconds ? { mediaSeconds: deps.mediaSeconds } : {}),
      ...(deps.mediaUsed ? { mediaUsed: deps.mediaUsed } : {}),
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
      random,
      onEnded,
    });
    this.scheduled = new ScheduledStops({
      store: deps.store,
      scheduler: deps.scheduler,
      stop: (id, purpose) => this.control.stop(id, purpose),
    });
    this.batches = new BatchRunner({ launch: deps.launchItem, isLive: deps.itemIsLive, events: deps.events, scheduler: deps.scheduler });
  }

  /**
   * Rebuilds the board from the launch records and arms the scheduled stops: local work only, so
   * start-up takes the same time with 2 tasks or 200. The open tasks are then described again in the
   * background (`startupCheck` says how far; the page shows them as being checked), and polling starts
   * once every one has an answer.
   */
  async start(): Promise<void> {
    // Before any call about them: each task must be asked about where it was started.
    await placeEarlierTasks(this.store, this.#deps.records);
    const toCheck = await restoreBoard({ ...this.#deps, store: this.store });
    this.scheduled.start();
    this.#check = { state: toCheck.length > 0 ? 'checking' : 'done', total: toCheck.length, checked: 0, pending: [...toCheck] };
    this.#deps.events.emit('tasks.startupCheck', this.startupCheck());
    this.#checked = this.#describeAgain(toCheck).then((report) => {
      this.#reconciled = report;
      this.#check = { ...this.#check, state: 'done', pending: [] };
      if (this.#closing.signal.aborted) return report;
      this.#deps.events.emit('tasks.startupCheck', this.startupCheck());
      this.monitor.start();
      return report;
    });
  }

  async #describeAgain(ids: string[]): Promise<ReconcileReport> {
    const signal = this.#closing.signal;
    try {
      return await runUntilAborted(signal, async () => {
        // The last run may have spent this second's budget just before it stopped (its polls): the
        // API counts by arrival, whoever sent, so the first Describe waits one window.
        if (ids.length > 0) await delay(this.#deps.scheduler, rateLimitDefaults.windowMs, signal);
        const options = {
          ...this.#deps,
          store: this.store,
          clients: this.#clients,
          signal,
          onChecked: (id: string) => this.#onChecked(id),
        };
        return describeAgainAll(options, ids);
      });
    } catch {
      // Closed while waiting (nothing more is sent), or the board could not be written: the monitor
      // takes the tasks over as they are.
      return { checked: 0, running: 0, ended: 0, unknown: 0, unanswered: ids.length };
    }
  }

  /** Resolves once the start-up check has an answer for every task it describes (tests, benches). */
  whenChecked(): Promise<ReconcileReport> {
    return this.#checked;
  }

  get reconciled(): ReconcileReport | null {
    return this.#reconciled;
  }

  /** How far the start-up check is: the tasks still waiting for their first Describe of this run. */
  startupCheck(): StartupCheck {
    return { ...this.#check, pending: [...this.#check.pending] };
  }

  #onChecked(id: string): void {
    const pending = this.#check.pending.filter((each) => each !== id);
    this.#check = { ...this.#check, checked: this.#check.checked + 1, pending };
    if (this.#closing.signal.aborted) return;
    // 200 answers in twelve seconds: the page hears the progress at most once a second, and the last one.
    const now = this.#deps.scheduler.now();
    if (pending.length === 0 || now - this.#lastProgressAt >= 1000) {
      this.#lastProgressAt = now;
      this.#deps.events.emit('tasks.startupCheck', this.startupCheck());
    }
  }

  list(): LiveTask[] {
    return this.store.list();
  }

  /**
   * A launch record was written (pending, then started / failed / unknown): mirror it on the board.
   * Calls are applied one after the other, in the order the records changed.
   */
  trackLaunch(record: LaunchRecordView): Promise<void> {
    const next = this.#tracking.then(() => this.#track(record));
    this.#tracking = next.catch(() => undefined);
    return next;
  }

  async #track(record: LaunchRecordView): Promise<void> {
    const existing = this.store.find(record.id);
    const fresh = liveTaskOf(record, this.#deps.mediaSeconds?.(record.streamUrl) ?? null, this.#deps.scheduler.now());
    if (!fresh) {
      if (existing && existing.status === 'launching') await this.store.remove(record.id);
      return;
    }
    if (existing && (existing.status === 'ended' || (existing.status === fresh.status && existing.taskId === fresh.taskId))) return;
    await this.store.put(fresh);
    if (fresh.status === 'running') this.monitor.watch(fresh.id);
  }

  refresh(id: string): Promise<LiveTask> {
    return this.monitor.checkNow(id);
  }

  async adopt(request: AdoptRequest): Promise<LiveTask> {
    const task = await adoptTask(
      { store: this.store, clients: this.#clients, scheduler: this.#deps.scheduler, profileOfApp: this.#deps.profileOfApp },
      request,
    );
    this.monitor.watch(task.id);
    return task;
  }

  stop(id: string): Promise<StopResult> {
    return this.control.stop(id);
  }

  async forget(id: string): Promise<{ removed: boolean }> {
    const task = this.store.find(id);
    if (!task) return { removed: false };
    if (task.status === 'running' || task.status === 'launching') {
      throw new AppError('CONFLICT', 'Stop the task before removing it from the history.', { status: task.status });
    }
    return { removed: await this.store.remove(id) };
  }

  close(): void {
    this.#closing.abort();
    this.monitor.close();
    this.scheduled.close();
    this.batches.cancelAll();
  }

  #ended(task: LiveTask): void {
    this.monitor.unwatch(task.id);
    this.scheduled.forget(task.id);
  }
}
