import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract';
import { type TaskRecord, taskRecordSchema } from '../../shared/contract/launch';
import type { Clock } from '../app/clock';
import type { RecordStore } from '../storage/record-store';
import type { NewTask, TaskOutcome } from './launch-ports';

/**
 * The launch records ("tasks.json" before the database): one record per Start, written twice per
 * launch, each write committed before the step goes on (fsync'd right behind it, see AppDatabase):
 * the pending record before the request leaves, the settled one before the answer reaches the page.
 */
export const tasksRecords = {
  file: 'tasks.json',
  version: 1,
  key: 'tasks',
  recordSchema: taskRecordSchema,
  maxRecords: 100_000,
} as const;

/**
 * Every Start the app attempts, written before the request leaves: there is no List call, so a
 * TaskId not written down is a task nobody can see or stop. A record still `pending` when the app
 * starts belonged to a run that died mid-request: its outcome is unknown.
 */
export class TaskRegistry {
  readonly #records: RecordStore<TaskRecord>;
  readonly #clock: Clock;
  readonly #newId: () => string;

  private constructor(records: RecordStore<TaskRecord>, clock: Clock, newId: () => string) {
    this.#records = records;
    this.#clock = clock;
    this.#newId = newId;
  }

  static async open(records: RecordStore<TaskRecord>, clock: Clock, newId: () => string = randomUUID): Promise<TaskRegistry> {
    const registry = new TaskRegistry(records, clock, newId);
    const interrupted = records.values().filter((task) => task.state === 'pending');
    if (!records.readOnly && interrupted.length > 0) {
      const now = registry.#now();
      await records.put(
        ...interrupted.map((task) => ({ ...task, state: 'unknown' as const, unknownReason: 'interrupted' as const, updatedAt: now })),
      );
    }
    return registry;
  }

  /** Newest first. */
  list(): TaskRecord[] {
    return this.#records.values().reverse();
  }

  get(id: string): TaskRecord {
    const task = this.#records.get(id);
    if (!task) throw new AppError('NOT_FOUND', 'No task record has this id.', { id });
    return task;
  }

  /** Records a Start about to be sent; resolves once it is written (see `tasksRecords` for when it is synced). */
  async addPending(task: NewTask): Promise<TaskRecord> {
    const now = this.#now();
    const record: TaskRecord = { ...task, id: this.#newId(), state: 'pending', createdAt: now, updatedAt: now };
    await this.#records.put(record);
    return record;
  }

  async settle(id: string, outcome: TaskOutcome): Promise<TaskRecord> {
    const now = this.#now();
    const settled = await this.#records.update(id, (task) => dropUndefined({ ...task, ...outcome, updatedAt: now }));
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
