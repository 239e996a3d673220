import { AppError } from '../../shared/contract';
import { type LiveTask, liveTaskSchema } from '../../shared/contract/tasks';
import type { EventBus } from '../app/event-bus';
import type { RecordStore } from '../storage/record-store';

/** The board's tasks ("live-tasks.json" before the database; tests of the engine use MemoryRecords). */
export const liveTasksRecords = { file: 'live-tasks.json', version: 1, key: 'tasks', recordSchema: liveTaskSchema, maxRecords: 100_000 };

/** What the engine needs of the event bus: only its own events. */
export type TaskEvents = Pick<EventBus, 'emit'>;

/**
 * The board's tasks (launched here or adopted), persisted so a restart knows what to reconcile.
 * Every change is written before it is announced as `tasks.changed`. One writer: this store.
 */
export class LiveTaskStore {
  readonly #records: RecordStore<LiveTask>;
  readonly #events: TaskEvents;
  /** When a Describe last confirmed each task's unchanged status: told to the page, never written (a poll would rewrite the row every few seconds). */
  readonly #confirmed = new Map<string, number>();

  constructor(records: RecordStore<LiveTask>, events: TaskEvents) {
    this.#records = records;
    this.#events = events;
  }

  /** Newest first. */
  list(): LiveTask[] {
    return this.#records
      .values()
      .map((task) => this.#fresh(task))
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  find(id: string): LiveTask | undefined {
    const task = this.#records.get(id);
    return task && this.#fresh(task);
  }

  /** A Describe confirmed the task's status as it is: the board hears how fresh it is, the database is not rewritten. */
  confirm(id: string, at: number): LiveTask {
    this.#confirmed.set(id, at);
    const task = this.get(id);
    this.#events.emit('tasks.changed', task);
    return task;
  }

  #fresh(task: LiveTask): LiveTask {
    const at = this.#confirmed.get(task.id);
    return at !== undefined && (task.lastCheckedAt === null || at > task.lastCheckedAt) ? { ...task, lastCheckedAt: at } : task;
  }

  get(id: string): LiveTask {
    const task = this.find(id);
    if (!task) throw new AppError('NOT_FOUND', 'No task on the board has this id.', { id });
    return task;
  }

  findByTaskId(sdkAppId: number, taskId: string): LiveTask | undefined {
    return this.#records.values().find((task) => task.sdkAppId === sdkAppId && task.taskId === taskId);
  }

  /** Adds a task, or replaces the one with the same id. */
  async put(task: LiveTask): Promise<LiveTask> {
    await this.#records.put(task);
    this.#events.emit('tasks.changed', task);
    return task;
  }

  /**
   * Changes one task. `change` sees the latest stored value (writes are queued), so concurrent
   * changes of different fields (a poll and a click) do not undo each other.
   */
  async patch(id: string, change: (task: LiveTask) => LiveTask): Promise<LiveTask> {
    const changed = await this.#records.update(id, change);
    if (!changed) throw new AppError('NOT_FOUND', 'No task on the board has this id.', { id });
    const fresh = this.#fresh(changed);
    this.#events.emit('tasks.changed', fresh);
    return fresh;
  }

  async remove(id: string): Promise<boolean> {
    this.#confirmed.delete(id);
    if (!(await this.#records.remove(id))) return false;
    this.#events.emit('tasks.removed', { id });
    return true;
  }
}
