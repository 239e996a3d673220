import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LiveTask } from '../../../shared/contract/tasks';
import { JsonDocument } from '../../storage/json-document';
import { StoreProblems } from '../../storage/store-problems';
import type { FakeScheduler } from '../fake-scheduler';
import { LiveTaskStore, type LiveTasksFile, liveTasksDocument, type StoredDocument } from '../live-task-store';
import { RecordedEvents } from './fake-ingest';

/** The document in memory, validated like the file: unit tests of timing need no disk. */
export class MemoryDocument implements StoredDocument<LiveTasksFile> {
  value: LiveTasksFile = { tasks: [] };
  writes = 0;
  async update(change: (current: LiveTasksFile) => LiveTasksFile): Promise<LiveTasksFile> {
    this.value = liveTasksDocument.schema.parse(change(this.value));
    this.writes++;
    return this.value;
  }
}

export function memoryStore() {
  const events = new RecordedEvents();
  const document = new MemoryDocument();
  return { events, document, store: new LiveTaskStore(document, events) };
}

/** A store on a real data dir (`dataDir` to reopen one, as after a restart). */
export async function diskStore(clock: FakeScheduler, dataDir?: string) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'tasks-')));
  const events = new RecordedEvents();
  const document = await JsonDocument.open({ ...liveTasksDocument, dataDir: dir, clock, problems: new StoreProblems() });
  return { dir, events, store: new LiveTaskStore(document, events) };
}

let next = 0;

/** A running task launched from a preset, as the board stores it. */
export function runningTask(overrides: Partial<LiveTask> = {}): LiveTask {
  next++;
  return {
    id: `t${next}`,
    origin: 'launch',
    recordId: `t${next}`,
    taskId: `task-${next}`,
    sdkAppId: 1400000001,
    profileId: 'p1',
    roomIdType: 1,
    roomId: '1001',
    label: 'Preset',
    streamUrl: 'https://media.example/a.mp4',
    status: 'running',
    startedAt: Date.UTC(2026, 10, 27, 11, 0, 0),
    paused: false,
    pausedSince: null,
    pausedTotalMs: 0,
    volume: 100,
    tempo: 1,
    enableProgress: false,
    repeatNum: 1,
    maxDurationMinutes: null,
    mediaSeconds: 600,
    scheduledStopAt: null,
    lastCheckedAt: null,
    lastError: null,
    ...overrides,
  };
}
