import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorCode } from '../../../../shared/contract';
import { detailsOf, type LaunchGuard } from '../../../../shared/contract/errors';
import type { LaunchProblem, LaunchSource, TaskRecord } from '../../../../shared/contract/launch';
import { CallError, invoke } from '../../api/client';
import { useAccountsStore } from '../accounts/accounts-store';
import { mayBeBilled, type Target, targetOf } from '../accounts/target';
import { usePresetsStore } from '../presets/presets-store';
import type { LaunchFacts } from './LaunchSummary';
import { needsLiveConfirm, useLiveConfirmStore } from './live-confirm-store';

/**
 * What waits for the user's answer before anything (more) is sent. `confirmLive` carries what the
 * user already said about a live target into the next question's call: main refuses a live Start
 * without it (guard `liveConfirm`), so every call into a live app says it.
 */
export type Pending =
  | { kind: 'live'; source: LaunchSource; facts: LaunchFacts; target: Target }
  | { kind: 'liveRetry'; record: TaskRecord; facts: LaunchFacts; target: Target }
  | { kind: 'loop'; source: LaunchSource; confirmLive: boolean }
  | { kind: 'duplicate'; record: TaskRecord; confirmLive: boolean }
  | { kind: 'loopRetry'; record: TaskRecord; duplicateConfirmed: boolean; confirmLive: boolean }
  | null;

/** What the flow tells the user (the hook shows it as a notification in the page's language). */
export type LaunchNotice =
  | { kind: 'started'; taskId: string | undefined }
  | { kind: 'autoPush' }
  | { kind: 'refused'; code: AppErrorCode; message: string; problems: LaunchProblem[] };

export interface LaunchFlow {
  pending: Pending;
  busy: boolean;
  /** The summary's "don't ask again for this app" box. */
  skip: boolean;
  /** `confirmed`: the user already saw this launch's summary (the keyboard confirmation). */
  launch(source: LaunchSource, options?: { confirmed?: boolean }): Promise<TaskRecord | null>;
  /** A failed or unknown record launched again: a live one asks first too, as a launch does. */
  retry(record: TaskRecord): Promise<TaskRecord | null>;
  /** The user said yes to what is pending: sends it (and answers for the next question if main asks one). */
  confirm(): Promise<TaskRecord | null>;
  cancel(): void;
  setSkip(skip: boolean): void;
}

/** The preset or draft a source stands for, and where it goes (null: a preset this page does not know). */
export function launchFactsOf(source: LaunchSource): { facts: LaunchFacts; target: Target } | null {
  const fields =
    source.kind === 'draft' ? source.draft : usePresetsStore.getState().presets?.find((preset) => preset.id === source.presetId);
  if (!fields) return null;
  return { facts: fields, target: targetOf(useAccountsStore.getState().overview, { sdkAppId: fields.sdkAppId, region: fields.region }) };
}

/** Where a retry goes is where the record went (its app, region and account), whatever the preset says now. */
function retryTargetOf(record: TaskRecord): Target {
  return targetOf(useAccountsStore.getState().overview, { sdkAppId: record.sdkAppId, profileId: record.profileId, region: record.region });
}

/** Only the flags that are set: an absent flag and `false` mean the same to main, and calls stay as they were. */
function flags(confirmed: { confirmLive?: boolean; confirmUnboundedLoop?: boolean }) {
  return {
    ...(confirmed.confirmLive ? { confirmLive: true } : {}),
    ...(confirmed.confirmUnboundedLoop ? { confirmUnboundedLoop: true } : {}),
  };
}

/**
 * Launching with the cost guards: the first single launch into a live app in a session shows where
 * it goes and what it may cost, and nothing is sent before the user confirms (LaunchSummary).
 * Then an unbounded loop and a retry of an unknown Start both ask first. Main refuses all three
 * without the confirmation in the call, so the page cannot skip them. "Ask once per session" and
 * "don't ask again for this app" are the page's: once the user made that choice, later calls into
 * that app send `confirmLive: true` without asking. One flow per screen.
 */
export function createLaunchFlow(tell: (notice: LaunchNotice) => void): StoreApi<LaunchFlow> {
  return createStore<LaunchFlow>((set, get) => {
    const report = (error: unknown) => {
      const data = error instanceof CallError ? error.data : { code: 'INTERNAL' as const, message: String(error) };
      const input = detailsOf(data, 'INVALID_INPUT');
      const problems: LaunchProblem[] = input && 'problems' in input ? input.problems : [];
      tell({ kind: 'refused', code: data.code, message: data.message, problems });
    };

    const announce = (record: TaskRecord) => {
      if (record.state === 'started') tell({ kind: 'started', taskId: record.taskId });
      if (record.request.AutoPush === true) tell({ kind: 'autoPush' });
      return record;
    };

    /** `onGuard` names the question for a guard main answered; without one the refusal is reported. */
    const run = async (send: () => Promise<TaskRecord>, onGuard: (guard: LaunchGuard) => Pending): Promise<TaskRecord | null> => {
      set({ busy: true });
      try {
        return announce(await send());
      } catch (error) {
        const conflict = error instanceof CallError ? detailsOf(error.data, 'CONFLICT') : undefined;
        const next = conflict && 'guard' in conflict ? onGuard(conflict.guard) : null;
        if (next) set({ pending: next });
        else report(error);
        return null;
      } finally {
        set({ busy: false });
      }
    };

    // Main found the target live where the page did not (its accounts were out of date): ask as for any live launch.
    const askLive = (source: LaunchSource): Pending => {
      const known = launchFactsOf(source);
      return known ? { kind: 'live', source, ...known } : null;
    };
    const askLiveRetry = (record: TaskRecord): Pending => ({
      kind: 'liveRetry',
      record,
      facts: record.launch,
      target: retryTargetOf(record),
    });

    const send = (source: LaunchSource, confirmed: { confirmLive: boolean; confirmUnboundedLoop: boolean }) =>
      run(
        () => invoke('launch.start', { source, ...flags(confirmed) }),
        (guard) => {
          if (guard === 'liveConfirm') return confirmed.confirmLive ? null : askLive(source);
          return guard === 'unboundedLoop' && !confirmed.confirmUnboundedLoop
            ? { kind: 'loop', source, confirmLive: confirmed.confirmLive }
            : null;
        },
      );

    const retryNow = (record: TaskRecord, confirmLive: boolean): Promise<TaskRecord | null> => {
      if (record.state === 'unknown') {
        set({ pending: { kind: 'duplicate', record, confirmLive } });
        return Promise.resolve(null);
      }
      return run(
        () => invoke('launch.retry', { recordId: record.id, ...flags({ confirmLive }) }),
        (guard) => {
          if (guard === 'liveConfirm') return confirmLive ? null : askLiveRetry(record);
          return guard === 'unboundedLoop' ? { kind: 'loopRetry', record, duplicateConfirmed: false, confirmLive } : null;
        },
      );
    };

    const ask = (pending: Pending) => {
      set({ pending, skip: false });
      return Promise.resolve(null);
    };

    return {
      pending: null,
      busy: false,
      skip: false,
      launch(source, options = {}) {
        const known = launchFactsOf(source);
        if (known && options.confirmed) useLiveConfirmStore.getState().markConfirmed(known.target);
        if (known && !options.confirmed && needsLiveConfirm(known.target)) return ask({ kind: 'live', source, ...known });
        return send(source, {
          // Past the question: the user confirmed this target now (the keyboard summary) or earlier in
          // this session, or chose not to be asked for this app. That choice is the confirmation main needs.
          confirmLive: known !== null && mayBeBilled(known.target),
          // The summary the user confirmed already said the loop is endless: main's guard is answered.
          confirmUnboundedLoop: options.confirmed === true && known !== null && isEndless(known.facts),
        });
      },
      retry(record) {
        const target = retryTargetOf(record);
        if (needsLiveConfirm(target)) return ask({ kind: 'liveRetry', record, facts: record.launch, target });
        return retryNow(record, mayBeBilled(target));
      },
      confirm() {
        const current = get().pending;
        set({ pending: null });
        if (current?.kind === 'live' || current?.kind === 'liveRetry') {
          useLiveConfirmStore.getState().markConfirmed(current.target);
          if (get().skip && current.target.appId) useLiveConfirmStore.getState().setSkipped(current.target.appId, true);
          if (current.kind === 'live') return send(current.source, { confirmLive: true, confirmUnboundedLoop: isEndless(current.facts) });
          // An unknown record still asks about the duplicate next: that is another risk than the bill.
          return retryNow(current.record, true);
        }
        if (current?.kind === 'loop') return send(current.source, { confirmLive: current.confirmLive, confirmUnboundedLoop: true });
        if (current?.kind === 'duplicate') {
          const { record, confirmLive } = current;
          return run(
            () => invoke('launch.retry', { recordId: record.id, confirmPossibleDuplicate: true, ...flags({ confirmLive }) }),
            (guard) => {
              if (guard === 'liveConfirm') return confirmLive ? null : askLiveRetry(record);
              return guard === 'unboundedLoop' ? { kind: 'loopRetry', record, duplicateConfirmed: true, confirmLive } : null;
            },
          );
        }
        if (current?.kind === 'loopRetry')
          return run(
            () =>
              invoke('launch.retry', {
                recordId: current.record.id,
                confirmPossibleDuplicate: current.duplicateConfirmed,
                confirmUnboundedLoop: true,
                ...flags({ confirmLive: current.confirmLive }),
              }),
            () => null,
          );
        return Promise.resolve(null);
      },
      cancel: () => set({ pending: null }),
      setSkip: (skip) => set({ skip }),
    };
  });
}

export function isEndless(facts: LaunchFacts): boolean {
  return facts.repeatNum === -1 && facts.maxDuration === null;
}
