import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/contract';
import { type TaskRecord, taskRecordSchema } from '../../shared/contract/launch';
import type { Clock } from '../app/clock';
import type { JsonDocument } from '../storage/json-document';

export const tasksFileSchema = z.object({ tasks: z.array(taskRecordSchema).max(100_000) }).strict();
export type TasksFile = z.infer<typeof tasksFileSchema>;

export const tasksDocument = { file: 'tasks.json', version: 1, schema: tasksFileSchema, empty: (): TasksFile => ({ tasks: [] }) };

export type NewTask = Omit<TaskRecord, 'id' | 'state' | 'createdAt' | 'updatedAt'>;
export type TaskOutcome = Pick<TaskRecord, 'state' | 'taskId' | 'requestId' | 'error' | 'unknownReason' | 'profileId' | 'sandbox'>;

/**
 * Every Start the app attempts, persisted before the request leaves: there is no List call, so a
 * TaskId not written down is a task nobody can see or stop. A record still `pending` when the app
 * starts belonged to a run that died mid-request: its outcome is unknown.
 */
export class TaskRegistry {
  readonly #document: JsonDocument<TasksFile>;
  readonly #clock: Clock;
  readonly #newId: () => string;

  private constructor(document: JsonDocument<TasksFile>, clock: Clock, newId: () => string) {
    this.#document = document;
    this.#clock = clock;
    this.#newId = newId;
  }

  static async open(document: JsonDocument<TasksFile>, clock: Clock, newId: () => string = randomUUID): Promise<TaskRegistry> {
    const registry = new TaskRegistry(document, clock, newId);
    if (!document.readOnly && document.value.tasks.some((task) => task.state === 'pending')) {
      const now = registry.#now();
      await document.update((file) => ({
        tasks: file.tasks.map((task) =>
          task.state === 'pending' ? { ...task, state: 'unknown' as const, unknownReason: 'interrupted' as const, updatedAt: now } : task,
        ),
      }));
    }
    return registry;
  }

  /** Newest first. */
  list(): TaskRecord[] {
    return [...this.#document.value.tasks].reverse();
  }

  get(id: string): TaskRecord {
    const task = this.#document.value.tasks.find((candidate) => candidate.id === id);
    if (!task) throw new AppError('NOT_FOUND', 'No task record has this id.', { id });
    return task;
  }

  /** Records a Start about to be sent; resolves once it is on disk. */
  async addPending(task: NewTask): Promise<TaskRecord> {
    const now = this.#now();
    const record: TaskRecord = { ...task, id: this.#newId(), state: 'pending', createdAt: now, updatedAt: now };
    await this.#document.update((file) => ({ tasks: [...file.tasks, record] }));
    return record;
  }

  async settle(id: string, outcome: TaskOutcome): Promise<TaskRecord> {
    this.get(id);
    const now = this.#now();
    let settled: TaskRecord | undefined;
    await this.#document.update((file) => ({
      tasks: file.tasks.map((task) => {
        if (task.id !== id) return task;
        settled = dropUndefined({ ...task, ...outcome, updatedAt: now });
        return settled;
      }),
    }));
    if (!settled) throw new AppError('NOT_FOUND', 'No task record has this id.', { id });
    return settled;
  }

  #now(): string {
    return new Date(this.#clock.now()).toISOString();
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
