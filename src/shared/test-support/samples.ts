/** Samples of the contract's records, for tests on either side (main and the page build theirs from these). */

import { type PresetDraft, presetDraftSchema } from '../contract/presets';
import type { LiveTask } from '../contract/tasks';

/** A valid preset draft for tests; `patch` changes some fields. */
export function sampleDraft(patch: Partial<PresetDraft> = {}): PresetDraft {
  return presetDraftSchema.parse({
    name: 'Morning show',
    sdkAppId: 1400000001,
    region: 'ap-singapore',
    roomIdType: 1,
    roomId: '1234',
    userId: 'robot_1',
    media: { kind: 'url', url: 'https://media.example.com/clip.mp4' },
    repeatNum: 1,
    maxDuration: null,
    volume: 100,
    seekSecond: 0,
    autoPush: false,
    enableProgress: false,
    tempo: 1,
    idleTimeout: null,
    userSig: { mode: 'generate', expirySeconds: 600 },
    privateMapKey: { mode: 'none' },
    notes: '',
    tags: [],
    folder: '',
    ...patch,
  });
}

/** A running task as main's board describes it; `patch` changes some fields. */
export function sampleLiveTask(patch: Partial<LiveTask> = {}): LiveTask {
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
    ...patch,
  };
}
