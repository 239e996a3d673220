import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from 'tls-sig-api-v2';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import type { TaskRecord } from '../../shared/contract/launch';
import { sampleDraft } from '../../shared/test-support/samples';
import type { StartStreamIngestBody } from '../../shared/trtc/requests';
import { EventBus } from '../app/event-bus';
import { testStores } from '../db/test-support/test-database';
import { presetsDocument } from '../presets/preset-document';
import { PresetService } from '../presets/preset-service';
import { MemorySecretStore } from '../secrets/memory-store';
import type { RecordStore } from '../storage/record-store';
import type { LaunchPorts } from './launch-ports';
import { LaunchService } from './launch-service';
import { TaskRegistry, tasksRecords } from './task-registry';

const sdkSecretKey = 'unit-test-sdk-secret-key-0123456789abcdef';
const clock = { now: () => Date.UTC(2026, 10, 27, 12, 0, 0) };

type Answer = (body: StartStreamIngestBody) => Promise<{ taskId: string; requestId: string }>;

describe('LaunchService', () => {
  let dataDir: string;
  let sent: StartStreamIngestBody[];
  let answer: Answer;
  /** The launch records a restart would have found at the moment each Start was sent. */
  let recordsAtSend: TaskRecord[][];
  /** What the sending client says of its account (appSite always says sandbox). */
  let clientSandbox: boolean;

  /** `records` may wrap the launch records (to make a write fail). */
  async function build(records: (store: RecordStore<TaskRecord>) => RecordStore<TaskRecord> = (store) => store) {
    const stores = testStores(dataDir, clock);
    const events = new EventBus();
    const secrets = new MemorySecretStore();
    const presets = new PresetService({
      document: await stores.open(presetsDocument),
      secrets,
      events,
      clock,
    });
    const registry = await TaskRegistry.open(records(stores.openRecords(tasksRecords)), clock);
    const ports: LaunchPorts = {
      appSite: async (sdkAppId) => {
        if (sdkAppId !== 1400000001) throw new AppError('NOT_FOUND', 'no such app');
        return { site: 'international', sandbox: true };
      },
      connect: async () => ({
        profileId: 'profile-1',
        sandbox: clientSandbox,
        startStreamIngest: async (body) => {
          recordsAtSend.push(await recordsOnDisk());
          sent.push(body);
          return answer(body);
        },
      }),
      generateUserSig: async ({ sdkAppId, userId, expirySeconds }) => new Api(sdkAppId, sdkSecretKey).genUserSig(userId, expirySeconds),
      generatePrivateMapKey: async ({ sdkAppId, userId, expirySeconds, roomId, privileges }) =>
        new Api(sdkAppId, sdkSecretKey).genPrivateMapKey(userId, expirySeconds, Number(roomId), privileges),
      mediaUrl: async (entryId) => {
        if (entryId === 'entry-1') return 'https://media.example.com/library.mp4';
        throw new AppError('NOT_FOUND', 'no entry');
      },
    };
    return { presets, registry, launch: new LaunchService({ presets, registry, ports, events }), secrets };
  }

  /** Opens a copy of the data dir (database and its WAL), as a restart at this moment would find it. */
  async function recordsOnDisk(): Promise<TaskRecord[]> {
    const copy = await mkdtemp(join(tmpdir(), 'launch-restart-'));
    await cp(dataDir, copy, { recursive: true });
    const stores = testStores(copy, clock);
    const records = stores.openRecords(tasksRecords).values();
    stores.close();
    return records;
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'launch-'));
    sent = [];
    recordsAtSend = [];
    clientSandbox = true;
    answer = async () => ({ taskId: 'task-abc', requestId: 'req-1' });
  });

  it('previews the exact body with tickets redacted and the tccli command', async () => {
    const { launch } = await build();
    const preview = await launch.preview({
      kind: 'draft',
      draft: sampleDraft({
        volume: 150,
        repeatNum: -1,
        maxDuration: 30,
        privateMapKey: { mode: 'generate', expirySeconds: 300, privileges: 255 },
      }),
    });
    expect(preview.problems).toEqual([]);
    expect(preview.body).toEqual({
      SdkAppId: 1400000001,
      RoomId: '1234',
      RoomIdType: 1,
      UserId: 'robot_1',
      UserSig: '[redacted]',
      StreamUrl: 'https://media.example.com/clip.mp4',
      PrivateMapKey: '[redacted]',
      RepeatNum: -1,
      MaxDuration: 30,
      Volume: 150,
    });
    expect(preview.command).toBe(`tccli trtc StartStreamIngest --region 'ap-singapore' --cli-input-json '${JSON.stringify(preview.body)}'`);
    expect(preview.guards).toEqual({ unboundedLoop: false, autoPush: false });
  });

  it('reports problems instead of sending: region of another site, missing pasted ticket, missing library entry', async () => {
    const { launch } = await build();
    const draft = sampleDraft({ region: 'ap-beijing', userSig: { mode: 'paste' }, media: { kind: 'library', entryId: 'gone' } });
    const preview = await launch.preview({ kind: 'draft', draft });
    expect(preview.problems.map((problem) => problem.message).sort()).toEqual(
      ['launch:problems.mediaMissing', 'launch:problems.userSigMissing', 'requests:region.notOfSite'].sort(),
    );
    await expect(launch.start({ kind: 'draft', draft })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(sent).toEqual([]);
  });

  it('writes the task as pending before the request leaves, then records the TaskId', async () => {
    const { launch, presets } = await build();
    const preset = await presets.create(sampleDraft({ media: { kind: 'library', entryId: 'entry-1' } }));
    const record = await launch.start({ kind: 'preset', presetId: preset.id });
    expect(record).toMatchObject({
      state: 'started',
      taskId: 'task-abc',
      requestId: 'req-1',
      presetId: preset.id,
      streamUrl: 'https://media.example.com/library.mp4',
    });
    // At the moment of sending, the pending record was already on disk.
    expect(recordsAtSend[0]).toEqual([expect.objectContaining({ id: record.id, state: 'pending' })]);
    // The UserSig was generated just in time, is valid for this user, and is redacted in the record.
    expect(sent[0]?.UserSig).toMatch(/^[A-Za-z0-9*_-]{40,}$/);
    expect(record.request.UserSig).toBe('[redacted]');
    for (const file of await readdir(dataDir)) expect(await readFile(join(dataDir, file), 'utf8')).not.toContain(sent[0]?.UserSig ?? 'x');
  });

  it('settles an API error as failed with its TRTC code, and a timeout after sending as unknown', async () => {
    const { launch } = await build();
    answer = async () => {
      throw new AppError('TRTC_API_ERROR', 'StartStreamIngest: InvalidParameter.UserSig: bad', {
        action: 'StartStreamIngest',
        trtcCode: 'InvalidParameter.UserSig',
        requestId: 'req-9',
        retryable: false,
      });
    };
    const failed = await launch.start({ kind: 'draft', draft: sampleDraft() });
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'InvalidParameter.UserSig', requestId: 'req-9' } });

    answer = async () => {
      throw new AppError('OUTCOME_UNKNOWN', 'timed out', { action: 'StartStreamIngest', reason: 'TIMEOUT' });
    };
    const unknown = await launch.start({ kind: 'draft', draft: sampleDraft() });
    expect(unknown).toMatchObject({ state: 'unknown', unknownReason: 'timeout', error: { code: 'OUTCOME_UNKNOWN' } });
    expect(sent).toHaveLength(2);
  });

  it('never retries an unknown Start by itself; a deliberate retry needs confirmation and links the records', async () => {
    const { launch } = await build();
    answer = async () => {
      throw new AppError('OUTCOME_UNKNOWN', 'connection reset', { action: 'StartStreamIngest', reason: 'NETWORK_ERROR' });
    };
    const unknown = await launch.start({ kind: 'draft', draft: sampleDraft() });
    expect(unknown).toMatchObject({ state: 'unknown', unknownReason: 'connection' });
    expect(sent).toHaveLength(1);

    await expect(launch.retry(unknown.id)).rejects.toMatchObject({ code: 'CONFLICT', details: { guard: 'possibleDuplicate' } });
    expect(sent).toHaveLength(1);
    answer = async () => ({ taskId: 'task-2', requestId: 'req-2' });
    const retried = await launch.retry(unknown.id, { confirmPossibleDuplicate: true });
    expect(retried).toMatchObject({ state: 'started', taskId: 'task-2', retryOf: unknown.id });
    expect(launch.tasks().map((task) => task.state)).toEqual(['started', 'unknown']);
  });

  it('asks before an unbounded loop', async () => {
    const { launch } = await build();
    const draft = sampleDraft({ repeatNum: -1, maxDuration: null });
    expect((await launch.preview({ kind: 'draft', draft })).guards.unboundedLoop).toBe(true);
    await expect(launch.start({ kind: 'draft', draft })).rejects.toMatchObject({ code: 'CONFLICT', details: { guard: 'unboundedLoop' } });
    expect(sent).toEqual([]);
    expect(await launch.start({ kind: 'draft', draft }, { confirmUnboundedLoop: true })).toMatchObject({ state: 'started' });
  });

  it('refuses a live Start when the sending client is live even though the app looked like the sandbox (moved meanwhile)', async () => {
    const { launch } = await build();
    clientSandbox = false;
    await expect(launch.start({ kind: 'draft', draft: sampleDraft() })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { guard: 'liveConfirm' },
    });
    expect(sent).toEqual([]);
    expect(launch.tasks()).toEqual([]);
    expect(await launch.start({ kind: 'draft', draft: sampleDraft() }, { confirmLive: true })).toMatchObject({ state: 'started' });
    expect(sent).toHaveLength(1);
  });

  it('sends a pasted UserSig from the keychain (never storing a one-off one)', async () => {
    const { launch, presets, secrets } = await build();
    const pasted = new Api(1400000001, sdkSecretKey).genUserSig('robot_1', 600);
    const preset = await presets.create(sampleDraft({ userSig: { mode: 'paste' } }), { userSig: pasted });
    await launch.start({ kind: 'preset', presetId: preset.id });
    expect(sent[0]?.UserSig).toBe(pasted);

    await launch.start({ kind: 'draft', draft: sampleDraft({ userSig: { mode: 'paste' } }), secrets: { userSig: pasted } });
    expect(sent[1]?.UserSig).toBe(pasted);
    expect(await secrets.list()).toEqual([`preset:${preset.id}:userSig`]);
  });

  it('never answers "started" for a Start whose outcome the full disk could not save: DISK_FULL, with the TaskId', async () => {
    const fullOnSettle = (store: RecordStore<TaskRecord>): RecordStore<TaskRecord> => ({
      get readOnly() {
        return store.readOnly;
      },
      values: () => store.values(),
      get: (id) => store.get(id),
      put: (...records) => store.put(...records),
      update: async () => {
        throw new AppError('DISK_FULL', 'The disk holding the data is full: nothing was saved.');
      },
      remove: (id) => store.remove(id),
      close: () => store.close(),
    });
    const { launch } = await build(fullOnSettle);
    await expect(launch.start({ kind: 'draft', draft: sampleDraft() })).rejects.toMatchObject({
      code: 'DISK_FULL',
      message: expect.stringContaining('TaskId task-abc'),
      details: { taskId: 'task-abc', requestId: 'req-1' },
    });
    // On disk the record stays pending: the next start calls it unknown (interrupted), never started.
    expect((await recordsOnDisk()).map((record) => record.state)).toEqual(['pending']);
  });

  it('turns a record left pending by a crash into unknown on the next start-up', async () => {
    const { launch } = await build();
    answer = () => new Promise(() => {});
    void launch.start({ kind: 'draft', draft: sampleDraft() });
    await expect.poll(() => launch.tasks().length).toBe(1);
    const reopened = await build();
    expect(reopened.launch.tasks()).toEqual([expect.objectContaining({ state: 'unknown', unknownReason: 'interrupted' })]);
  });
});
