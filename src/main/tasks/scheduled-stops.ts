import { AppError } from '../../shared/contract';
import type { LiveTask } from '../../shared/contract/tasks';
import type { LiveTaskStore } from './live-task-store';
import type { Cancel, Scheduler } from './scheduler';
import type { StopPurpose } from './task-control';
import { isTracked } from './task-transitions';

export interface ScheduledStopsOptions {
  store: LiveTaskStore;
  stop: (id: string, purpose: StopPurpose) => Promise<{ stopped: boolean }>;
  scheduler: Scheduler;
  /** Wait before trying a failed scheduled stop again. */
  retryMs?: number;
}

/**
 * "Stop after N minutes" / "stop at 18:30", kept in main: the time is written on the task
 * (`scheduledStopAt`, persisted) and a timer armed on the injected clock. At start-up every stored
 * time is armed again; one that passed while the app was closed fires at once.
 */
export class ScheduledStops {
  readonly #options: Required<ScheduledStopsOptions>;
  readonly #timers = new Map<string, Cancel>();

  constructor(options: ScheduledStopsOptions) {
    this.#options = { retryMs: 30_000, ...options };
  }

  start(): void {
    for (const task of this.#options.store.list()) {
      if (task.scheduledStopAt !== null && isTracked(task)) this.#arm(task.id, task.scheduledStopAt);
    }
  }

  async schedule(id: string, when: { afterMinutes?: number; at?: number }): Promise<LiveTask> {
    const now = this.#options.scheduler.now();
    const at = when.afterMinutes !== undefined ? now + when.afterMinutes * 60_000 : when.at;
    if (at === undefined) throw new AppError('INVALID_INPUT', 'Give either minutes or a time.');
    if (at <= now) throw new AppError('INVALID_INPUT', 'The stop time has already passed.', { field: 'at' });
    const task = this.#options.store.get(id);
    if (!isTracked(task)) throw new AppError('CONFLICT', 'Only a running task can be stopped later.', { status: task.status });
    const saved = await this.#options.store.patch(id, (current) => ({ ...current, scheduledStopAt: at }));
    this.#arm(id, at);
    return saved;
  }

  async cancel(id: string): Promise<LiveTask> {
    this.#disarm(id);
    return this.#options.store.patch(id, (current) => ({ ...current, scheduledStopAt: null }));
  }

  /** Stops and forgets the timer of a task that ended some other way. */
  forget(id: string): void {
    this.#disarm(id);
  }

  armed(): string[] {
    return [...this.#timers.keys()];
  }

  close(): void {
    for (const id of [...this.#timers.keys()]) this.#disarm(id);
  }

  #arm(id: string, at: number): void {
    this.#disarm(id);
    this.#timers.set(
      id,
      this.#options.scheduler.schedule(at - this.#options.scheduler.now(), () => void this.#fire(id, at)),
    );
  }

  #disarm(id: string): void {
    this.#timers.get(id)?.();
    this.#timers.delete(id);
  }

  async #fire(id: string, at: number): Promise<void> {
    this.#timers.delete(id);
    const task = this.#options.store.find(id);
    // Cancelled, moved, or already over.
    if (!task || task.scheduledStopAt !== at || !isTracked(task)) return;
    let stopped = false;
    try {
      ({ stopped } = await this.#options.stop(id, 'scheduled-stop'));
    } catch {
      stopped = false;
    }
    if (!stopped && !this.#timers.has(id)) {
      this.#timers.set(
        id,
        this.#options.scheduler.schedule(this.#options.retryMs, () => void this.#fire(id, at)),
      );
    }
  }
}
