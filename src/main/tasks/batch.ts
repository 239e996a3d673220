import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract';
import type { BatchItem, BatchItemResult, BatchView } from '../../shared/contract/tasks';
import { runInLane } from './ingest-client';
import type { LaunchRecordView } from './launch-records';
import type { TaskEvents } from './live-task-store';
import type { Scheduler } from './scheduler';

/**
 * Launches one batch item (a preset, maybe into another room) and returns its settled launch record.
 * `confirmLive` is the batch caller's: the launch itself refuses a live Start without it.
 */
export type LaunchItem = (item: BatchItem, confirmed: { confirmLive: boolean }) => Promise<LaunchRecordView>;
/** Whether an item's Start would go to a live (non-sandbox) account; false for one that cannot be sent at all. */
export type ItemIsLive = (item: BatchItem) => Promise<boolean>;

export interface BatchRunnerOptions {
  launch: LaunchItem;
  isLive: ItemIsLive;
  events: TaskEvents;
  scheduler: Scheduler;
  /** Launches in flight at once; the shared limiter does the spacing. */
  concurrency?: number;
  /** Finished batches kept for the page. */
  keep?: number;
  newId?: () => string;
}

interface Running {
  view: BatchView;
  controller: AbortController;
  confirmLive: boolean;
  done: Promise<void>;
}

/**
 * Several presets, or one preset into N rooms. Every Start runs in the limiter's background lane
 * (so the user's own clicks still get through and the account never exceeds its rate), each item gets
 * its own result, progress is pushed as `tasks.batchProgress`, and a cancel stops launching the items
 * not yet sent (a Start already sent cannot be recalled). A Start is never retried: a failed or unknown
 * item is reported as such.
 */
export class BatchRunner {
  readonly #options: Required<BatchRunnerOptions>;
  readonly #batches = new Map<string, Running>();

  constructor(options: BatchRunnerOptions) {
    this.#options = { concurrency: 4, keep: 20, newId: randomUUID, ...options };
  }

  /**
   * `signal` is the asking call's: its abort (the window closed, the app is closing) cancels the batch.
   * A batch with any live item needs `confirmLive`, else CONFLICT (guard `liveConfirm`) and no item is
   * sent: refused whole, so a caller never gets half a batch it did not confirm.
   */
  async start(items: BatchItem[], options: { confirmLive?: boolean; signal?: AbortSignal } = {}): Promise<BatchView> {
    const confirmLive = options.confirmLive === true;
    if (!confirmLive && (await Promise.all(items.map(this.#options.isLive))).some(Boolean)) {
      throw new AppError('CONFLICT', 'Some items go to a live (billed) account: confirm the batch with confirmLive.', {
        guard: 'liveConfirm',
      });
    }
    const { signal } = options;
    const controller = new AbortController();
    const view: BatchView = {
      id: this.#options.newId(),
      createdAt: this.#options.scheduler.now(),
      state: 'running',
      items: items.map((item) => ({ ...item, state: 'queued' })),
    };
    const running: Running = { view, controller, confirmLive, done: Promise.resolve() };
    this.#batches.set(view.id, running);
    this.#prune();
    running.done = this.#run(running);
    this.#emit(view);
    if (signal) {
      // Never throws inside the signal's dispatch: a batch already over (or pruned) is left as it is.
      const cancel = () => {
        if (this.#batches.get(view.id)?.view.state === 'running') this.cancel(view.id);
      };
      if (signal.aborted) cancel();
      signal.addEventListener('abort', cancel, { once: true });
      const unfollow = () => signal.removeEventListener('abort', cancel);
      running.done.then(unfollow, unfollow);
    }
    return structuredClone(view);
  }

  cancel(batchId: string): BatchView {
    const running = this.#get(batchId);
    if (running.view.state === 'running') {
      running.controller.abort();
      for (const item of running.view.items) if (item.state === 'queued') item.state = 'cancelled';
      running.view.state = 'cancelled';
      this.#emit(running.view);
    }
    return structuredClone(running.view);
  }

  list(): BatchView[] {
    return [...this.#batches.values()].map((running) => structuredClone(running.view)).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Resolves when the batch has no launch left in flight. */
  settled(batchId: string): Promise<void> {
    return this.#get(batchId).done;
  }

  cancelAll(): void {
    for (const running of this.#batches.values()) if (running.view.state === 'running') this.cancel(running.view.id);
  }

  async #run(running: Running): Promise<void> {
    const queue = [...running.view.items];
    const worker = async () => {
      for (;;) {
        if (running.controller.signal.aborted) return;
        const item = queue.shift();
        if (!item) return;
        if (item.state !== 'queued') continue;
        await this.#launchOne(running, item);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#options.concurrency, queue.length) }, worker));
    if (running.view.state === 'running') {
      running.view.state = 'done';
      this.#emit(running.view);
    }
  }

  async #launchOne(running: Running, item: BatchItemResult): Promise<void> {
    item.state = 'launching';
    this.#emit(running.view);
    try {
      const { presetId, roomId } = item;
      const record = await runInLane('background', () =>
        this.#options.launch(roomId === undefined ? { presetId } : { presetId, roomId }, { confirmLive: running.confirmLive }),
      );
      item.recordId = record.id;
      if (record.taskId) item.taskId = record.taskId;
      item.state = record.state === 'started' ? 'started' : record.state === 'unknown' ? 'unknown' : 'failed';
      const error = (record as { error?: { code: string; message: string } }).error;
      if (error && item.state !== 'started') item.error = { code: error.code, message: error.message };
    } catch (error) {
      item.state = 'failed';
      item.error =
        error instanceof AppError
          ? { code: error.code, message: error.message }
          : { code: 'INTERNAL', message: error instanceof Error ? error.message : 'Unexpected failure' };
    }
    this.#emit(running.view);
  }

  #get(batchId: string): Running {
    const running = this.#batches.get(batchId);
    if (!running) throw new AppError('NOT_FOUND', 'No batch has this id.', { batchId });
    return running;
  }

  #prune(): void {
    const finished = [...this.#batches.values()].filter((running) => running.view.state !== 'running');
    for (const running of finished.slice(0, Math.max(0, finished.length - this.#options.keep))) this.#batches.delete(running.view.id);
  }

  #emit(view: BatchView): void {
    this.#options.events.emit('tasks.batchProgress', structuredClone(view));
  }
}
