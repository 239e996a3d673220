import { z } from 'zod';
import { AppError } from '../../shared/contract';
import { type LiveTask, liveTaskSchema } from '../../shared/contract/tasks';
import type { EventBus } from '../app/event-bus';

export const liveTasksFileSchema = z.object({ tasks: z.array(liveTaskSchema).max(100_000) }).strict();
export type LiveTasksFile = z.infer<typeof liveTasksFileSchema>;

export const liveTasksDocument = {
  file: 'live-tasks.json',
  version: 1,
  schema: liveTasksFileSchema,
  empty: (): LiveTasksFile => ({ tasks: [] }),
};

/** What the store needs of a JsonDocument (tests of the engine use one in memory). */
export interface StoredDocument<T> {
  readonly value: T;
  update(change: (current: T) => T): Promise<T>;
}

/** What the engine needs of the event bus: only its own events. */
export type TaskEvents = Pick<EventBus, 'emit'>;

/**
 * The board's tasks (launched here or adopted), persisted so a restart knows what to reconcile.
 * Every change is written before it is announced as `tasks.changed`. One writer: this store.
 */
export class LiveTaskStore {
  readonly #document: StoredDocument<LiveTasksFile>;
  readonly #events: TaskEvents;

  constructor(document: StoredDocument<LiveTasksFile>, events: TaskEvents) {
    this.#document = document;
    this.#events = events;
  }

  /** Newest first. */
  list(): LiveTask[] {
    return [...this.#document.value.tasks].sort((a, b) => b.startedAt - a.startedAt);
  }

  find(id: string): LiveTask | undefined {
    return this.#document.value.tasks.find((task) => task.id === id);
  }

  get(id: string): LiveTask {
    const task = this.find(id);
    if (!task) throw new AppError('NOT_FOUND', 'No task on the board has this id.', { id });
    return task;
  }

  findByTaskId(sdkAppId: number, taskId: string): LiveTask | undefined {
    return this.#document.value.tasks.find((task) => task.sdkAppId === sdkAppId && task.taskId === taskId);
  }

  /** Adds a task, or replaces the one with the same id. */
  async put(task: LiveTask): Promise<LiveTask> {
    await this.#document.update((file) => ({ tasks: [...file.tasks.filter((other) => other.id !== task.id), task] }));
    this.#events.emit('tasks.changed', task);
    return task;
  }

  /**
   * Changes one task. `change` sees the latest stored value (writes are queued), so concurrent
   * changes of different fields (a poll and a click) do not undo each other.
   */
  async patch(id: string, change: (task: LiveTask) => LiveTask): Promise<LiveTask> {
    let changed: LiveTask | undefined;
    await this.#document.update((file) => ({
      tasks: file.tasks.map((task) => {
        if (task.id !== id) return task;
        changed = change(task);
        return changed;
      }),
    }));
    if (!changed) throw new AppError('NOT_FOUND', 'No task on the board has this id.', { id });
    this.#events.emit('tasks.changed', changed);
    return changed;
  }

  async remove(id: string): Promise<boolean> {
    const present = this.find(id) !== undefined;
    if (!present) return false;
    await this.#document.update((file) => ({ tasks: file.tasks.filter((task) => task.id !== id) }));
    this.#events.emit('tasks.removed', { id });
    return true;
  }
}
