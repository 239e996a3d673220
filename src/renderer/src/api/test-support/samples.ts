import type { AccountsOverview, AppView, ProfileView } from '../../../../shared/contract/accounts';
import type { TaskRecord } from '../../../../shared/contract/launch';
import type { PresetDraft, PresetView } from '../../../../shared/contract/presets';
import type { LiveTask } from '../../../../shared/contract/tasks';
import { sampleDraft, sampleLiveTask } from '../../../../shared/test-support/samples';

/** A running task as main's board describes it. */
export const liveTask = (overrides: Partial<LiveTask> = {}): LiveTask => sampleLiveTask(overrides);

/** A preset's fields as the contract parses them (main's defaults filled in), in a live app. */
export function presetDraft(overrides: Partial<PresetDraft> = {}): PresetDraft {
  return sampleDraft({
    name: 'Show',
    sdkAppId: liveAppId,
    roomId: '42',
    userId: 'ingest_robot',
    media: { kind: 'url', url: 'https://media.example/a.mp4' },
    ...overrides,
  });
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
