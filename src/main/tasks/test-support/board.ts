import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LiveTask, liveTaskSchema } from '../../../shared/contract/tasks';
import { sampleLiveTask } from '../../../shared/test-support/samples';
import { testStores } from '../../db/test-support/test-database';
import { MemoryRecords } from '../../storage/memory-records';
import { LiveTaskStore, liveTasksRecords } from '../live-task-store';
import { RecordedEvents } from './fake-ingest';
import type { FakeScheduler } from './fake-scheduler';

/** The board's records in memory (validated like on disk): unit tests of timing need no disk. */
export function memoryStore() {
  const events = new RecordedEvents();
  const records = new MemoryRecords<LiveTask>(liveTaskSchema);
  return { events, records, store: new LiveTaskStore(records, events) };
}

/** A store on a real data dir (`dataDir` to reopen one, as after a restart). */
export async function diskStore(clock: FakeScheduler, dataDir?: string) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'tasks-')));
  const events = new RecordedEvents();
  const records = testStores(dir, clock).openRecords(liveTasksRecords);
  return { dir, events, store: new LiveTaskStore(records, events) };
}

let next = 0;

/** A running task launched from a preset, as the board stores it. */
export function runningTask(overrides: Partial<LiveTask> = {}): LiveTask {
  next++;
  return sampleLiveTask({ id: `t${next}`, recordId: `t${next}`, taskId: `task-${next}`, ...overrides });
}
