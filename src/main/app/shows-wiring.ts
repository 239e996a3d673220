/** The shows domain's ports, built by the composition root from the other domains' services (only src/main/app may import them). */
import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../../shared/contract';
import type { PresetDraft, StoredPreset } from '../../shared/contract/presets';
import type { AccountsService } from '../accounts/accounts-service';
import type { BuiltInSandbox } from '../accounts/built-in-sandbox';
import { testConnection } from '../accounts/connection-test';
import type { TrtcClients } from '../accounts/trtc-clients';
import type { LaunchPorts } from '../launch/launch-ports';
import type { LaunchService } from '../launch/launch-service';
import type { TaskRegistry } from '../launch/task-registry';
import { probeMediaUrl } from '../media/probe';
import type { PresetService } from '../presets/preset-service';
import type { FaultRule } from '../sandbox';
import { sandboxTasksPerApp } from '../sandbox/limits';
import type { ShowsDeps } from '../shows/create-shows';
import type { KeepAwakePort, LaunchOutcome, PowerEventsPort, PresetsPort } from '../shows/shows-ports';
import { limitClient } from '../tasks/ingest-client';
import { type RateLimiter, rateLimitDefaults } from '../tasks/rate-limiter';
import type { TasksService } from '../tasks/tasks-service';
import type { Clock } from './clock';

/** Runs work in no AsyncLocalStorage context (taken at load, before any call runs): no lane, no call tag. */
const outsideCallContexts = AsyncLocalStorage.snapshot();

export interface OtherDomains {
  presets: PresetService;
  launch: LaunchService;
  /** Launch's ports: its just-in-time tickets are the ones pre-flight makes (and drops). */
  launchPorts: LaunchPorts;
  registry: TaskRegistry;
  tasks: TasksService;
  accounts: AccountsService;
  clients: TrtcClients;
  sandbox: BuiltInSandbox;
  media: { get(id: string): { url: string } };
  limiter: RateLimiter;
  clock: Clock;
}

export function presetsPortFrom(presets: PresetService): PresetsPort {
  const brief = (preset: { id: string; name: string } | undefined) => (preset ? { id: preset.id, name: preset.name } : null);
  return {
    find: (id) => brief(presets.all().find((preset) => preset.id === id)),
    findByName: (name) => brief(presets.all().find((preset) => preset.name === name)),
  };
}

/** Every port of the shows domain but the shell's (keep awake, power events) and the scheduler. */
export function showsPortsFrom(domains: OtherDomains): Pick<ShowsDeps, 'presets' | 'preflight' | 'launch' | 'controls' | 'faults'> {
  const { presets, accounts } = domains;
  const findPreset = (id: string) => presets.all().find((preset) => preset.id === id) ?? null;
  const appFacts = (sdkAppId: number) => {
    const app = accounts.findAppBySdkAppId(sdkAppId);
    return app ? { app, profile: accounts.getProfile(app.profileId) } : null;
  };
  const sandboxApp = () => accounts.snapshot().apps.find((app) => accounts.getProfile(app.profileId).kind === 'sandbox') ?? null;
  /** The preset as it launches for the show: into the task's room; in a rehearsal, on the sandbox with generated tickets. */
  const draftOf = (preset: StoredPreset, roomId: string | undefined, rehearsal: boolean): PresetDraft => {
    const { id: _id, order: _order, createdAt: _created, updatedAt: _updated, ...fields } = preset;
    const draft = { ...fields, roomId: roomId ?? fields.roomId };
    if (!rehearsal) return draft;
    const app = sandboxApp();
    if (!app) throw new AppError('UNSUPPORTED', 'The built-in sandbox is not set up (is the keychain available?).');
    const day = 24 * 3600;
    return {
      ...draft,
      sdkAppId: app.sdkAppId,
      region: accounts.getProfile(app.profileId).region,
      userSig: { mode: 'generate', expirySeconds: day },
      privateMapKey: draft.privateMapKey.mode === 'none' ? draft.privateMapKey : { mode: 'generate', expirySeconds: day, privileges: 255 },
    };
  };
  const presetOf = (id: string) => {
    const preset = findPreset(id);
    if (!preset) throw new AppError('NOT_FOUND', 'No preset has this id.', { id });
    return preset;
  };

  return {
    presets: presetsPortFrom(presets),
    launch: {
      target: async (task, rehearsal) => {
        const draft = draftOf(presetOf(task.presetId), task.roomId, rehearsal);
        return {
          sdkAppId: draft.sdkAppId,
          roomId: draft.roomId,
          userId: draft.userId,
          live: appFacts(draft.sdkAppId)?.profile.kind !== 'sandbox',
        };
      },
      launch: async (task, rehearsal): Promise<LaunchOutcome> => {
        const preset = presetOf(task.presetId);
        const secrets: { userSig?: string; privateMapKey?: string } = {};
        if (!rehearsal) {
          for (const kind of ['userSig', 'privateMapKey'] as const) {
            const pasted = preset[kind].mode === 'paste' ? await presets.pastedSecret(preset.id, kind) : null;
            if (pasted) secrets[kind] = pasted;
          }
        }
        // The sheet is the producer's word on how long a looping preset runs (pre-flight warns when no cue stops it),
        // and a live run was confirmed live when it was armed (shows.arm refuses it without confirmLive).
        const record = await domains.launch.start(
          { kind: 'draft', draft: draftOf(preset, task.roomId, rehearsal), secrets },
          { confirmUnboundedLoop: true, confirmLive: !rehearsal },
        );
        // The board mirrors the record before the next cue controls it. Outside the cue's context: the
        // board's polls of the task that start here are neither the cue's calls nor in its lane.
        await outsideCallContexts(() => domains.tasks.trackLaunch(record));
        const state = record.state === 'started' ? 'started' : record.state === 'failed' ? 'failed' : 'unknown';
        return {
          state,
          recordId: record.id,
          ...(record.error ? { error: { code: record.error.code, message: record.error.message } } : {}),
        };
      },
      recordsSince: (since) =>
        domains.registry
          .list()
          .filter((record) => Date.parse(record.createdAt) >= since)
          .map((record) => ({
            id: record.id,
            state: record.state,
            sdkAppId: record.sdkAppId,
            roomId: record.roomId,
            userId: record.userId,
            createdAt: Date.parse(record.createdAt),
          })),
    },
    controls: {
      switchSource: async (id, source) => void (await domains.tasks.control.switchSource(id, source)),
      setVolume: async (id, volume) => void (await domains.tasks.control.setVolume(id, volume)),
      setTempo: async (id, tempo) => void (await domains.tasks.control.setTempo(id, tempo)),
      pause: async (id) => void (await domains.tasks.control.pause(id)),
      resume: async (id) => void (await domains.tasks.control.resume(id)),
      stop: async (id) => {
        const result = await domains.tasks.control.stop(id);
        if (!result.stopped)
          throw new AppError('TRTC_API_ERROR', result.error?.message ?? 'The task was not stopped.', {
            action: 'StopStreamIngest',
            trtcCode: result.error?.code ?? 'UNKNOWN',
            retryable: false,
          });
      },
    },
    preflight: {
      runningRobots: () => {
        // The board's task knows its room; the launch record it came from knows its robot (an adopted task has none).
        const records = new Map(domains.registry.list().map((record) => [record.id, record]));
        return domains.tasks
          .list()
          .filter((task) => task.status !== 'ended')
          .flatMap((task) => {
            const record = task.recordId ? records.get(task.recordId) : undefined;
            return record ? [{ sdkAppId: task.sdkAppId, roomId: task.roomId, userId: record.userId, label: task.label }] : [];
          });
      },
      // What the limiter lets timed cues (its background lane) start in a window.
      rateBudget: { perWindow: rateLimitDefaults.perWindow - rateLimitDefaults.reservedForUser, windowMs: rateLimitDefaults.windowMs },
      preset: (id) => {
        const preset = findPreset(id);
        return (
          preset && {
            id,
            name: preset.name,
            sdkAppId: preset.sdkAppId,
            roomId: preset.roomId,
            userId: preset.userId,
            media: preset.media,
            repeatNum: preset.repeatNum,
            maxDuration: preset.maxDuration,
          }
        );
      },
      app: (sdkAppId) => {
        const facts = appFacts(sdkAppId);
        return facts && { profileId: facts.app.profileId, sandbox: facts.profile.kind === 'sandbox' };
      },
      sandboxApp: () => {
        const app = sandboxApp();
        return app && { sdkAppId: app.sdkAppId, tasksAtOnce: sandboxTasksPerApp };
      },
      mediaUrl: (entryId) => {
        try {
          return domains.media.get(entryId).url;
        } catch {
          return null;
        }
      },
      probe: async (url, signal) => {
        const probe = await probeMediaUrl(url, { clock: domains.clock, timeoutMs: 8000, ...(signal ? { signal } : {}) });
        return { ok: probe.outcome === 'reachable', detail: probe.detail };
      },
      testApp: async (sdkAppId) => {
        const facts = appFacts(sdkAppId);
        if (!facts) return { ok: false, verdict: 'unknown-app' };
        // Through the shared limiter, like every other call of the account.
        const client = limitClient(await domains.clients.forProfile(facts.app.profileId), facts.app.profileId, domains.limiter);
        const result = await testConnection(client, sdkAppId);
        return { ok: result.verdict === 'valid', verdict: result.verdict };
      },
      tickets: async (presetId, target, rehearsal) => {
        const preset = presetOf(presetId);
        const draft = { ...draftOf(preset, target.roomId, rehearsal), sdkAppId: target.sdkAppId };
        for (const kind of ['userSig', 'privateMapKey'] as const) {
          if (draft[kind].mode === 'paste' && !(await presets.pastedSecret(presetId, kind))) return `${kind}Missing`;
        }
        // Made and dropped: pre-flight proves they can be made; the launch makes its own just in time.
        if (draft.userSig.mode === 'generate')
          await domains.launchPorts.generateUserSig({
            sdkAppId: draft.sdkAppId,
            userId: draft.userId,
            expirySeconds: draft.userSig.expirySeconds,
          });
        if (draft.privateMapKey.mode === 'generate') {
          const { expirySeconds, privileges } = draft.privateMapKey;
          await domains.launchPorts.generatePrivateMapKey({
            sdkAppId: draft.sdkAppId,
            userId: draft.userId,
            expirySeconds,
            roomIdType: draft.roomIdType,
            roomId: draft.roomId,
            privileges,
          });
        }
        return null;
      },
    },
    faults: {
      set: async (action, rule) => {
        const { faults } = await domains.sandbox.instance();
        if (rule === null) faults.clear(action);
        else faults.set(action, rule as FaultRule);
        return faults.list() as Record<string, unknown>;
      },
      clear: async () => (await domains.sandbox.instance()).faults.clear(),
    },
  };
}

/** The browser host cannot keep the machine awake, nor hear it wake (the event loop's gap still tells). */
export const stayAwakeNowhere: KeepAwakePort = { hold: () => () => undefined };
export const noPowerEvents: PowerEventsPort = { onResume: () => () => undefined };
