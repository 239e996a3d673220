import type { AccountsOverview, AppView, ProfileView } from '../../../../shared/contract/accounts';
import type { TaskRecord } from '../../../../shared/contract/launch';
import { type PresetDraft, type PresetView, presetDraftSchema } from '../../../../shared/contract/presets';
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

/** A preset's fields as the contract parses them (main's defaults filled in). */
export function presetDraft(overrides: Partial<PresetDraft> = {}): PresetDraft {
  const draft = presetDraftSchema.parse({
    name: 'Show',
    sdkAppId: liveAppId,
    region: 'ap-singapore',
    roomIdType: 1,
    roomId: '42',
    userId: 'ingest_robot',
    media: { kind: 'url', url: 'https://media.example/a.mp4' },
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
  });
  return { ...draft, ...overrides };
}

export function presetView(id: string, overrides: Partial<PresetDraft> = {}): PresetView {
  const at = '2026-11-27T11:00:00.000Z';
  return { ...presetDraft(overrides), id, order: 0, createdAt: at, updatedAt: at, secrets: { userSig: null, privateMapKey: null } };
}

export const liveAppId = 1400000001;
export const sandboxAppId = 1400099999;

/** One live app (a user account) and the built-in sandbox app. */
export function accountsOverview(): AccountsOverview {
  const at = '2026-11-27T11:00:00.000Z';
  const profile = (id: string, kind: ProfileView['kind']): ProfileView => ({
    id,
    kind,
    name: `${id} account`,
    site: 'international',
    region: 'ap-singapore',
    endpoint: null,
    secretIdLast4: 'abcd',
    hasSecretKey: true,
    createdAt: at,
    updatedAt: at,
  });
  const app = (id: string, sdkAppId: number, profileId: string, sandbox: boolean): AppView => ({
    id,
    sdkAppId,
    label: id,
    colour: 'blue',
    profileId,
    defaults: { robotUserIdPrefix: 'ingest_robot_', userSigExpirySeconds: 600 },
    sandbox,
    hasSdkSecretKey: true,
    createdAt: at,
    updatedAt: at,
  });
  return {
    profiles: [profile('live', 'user'), profile('sandbox', 'sandbox')],
    apps: [app('live-app', liveAppId, 'live', false), app('sandbox-app', sandboxAppId, 'sandbox', true)],
    keychainProblem: null,
  };
}

/** The launch record main answers a Start with. */
export function startedRecord(draft: PresetDraft, overrides: Partial<TaskRecord> = {}): TaskRecord {
  const at = '2026-11-27T11:00:00.000Z';
  return {
    id: 'r1',
    state: 'started',
    createdAt: at,
    updatedAt: at,
    presetId: null,
    presetName: draft.name,
    sdkAppId: draft.sdkAppId,
    region: draft.region,
    roomIdType: 1,
    roomId: draft.roomId,
    userId: draft.userId,
    streamUrl: 'https://media.example/a.mp4',
    request: {},
    taskId: 'task-1',
    tickets: { userSig: 'generate', privateMapKey: 'none' },
    launch: draft,
    ...overrides,
  };
}
