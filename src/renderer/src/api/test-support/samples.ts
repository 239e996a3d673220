import type { LiveTask } from '../../../../shared/contract/tasks';

/** A running task as main's board describes it. */
export function liveTask(overrides: Partial<LiveTask> = {}): LiveTask {
  return {
    id: 't1',
    origin: 'launch',
    recordId: 't1',
    taskId: 'task-1',
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
