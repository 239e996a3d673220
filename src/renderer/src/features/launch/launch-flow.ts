import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppErrorCode } from '../../../../shared/contract';
import { detailsOf } from '../../../../shared/contract/errors';
import type { LaunchProblem, LaunchSource, TaskRecord } from '../../../../shared/contract/launch';
import { CallError, invoke } from '../../api/client';
import { useAccountsStore } from '../accounts/accounts-store';
import { type Target, targetOf } from '../accounts/target';
import { usePresetsStore } from '../presets/presets-store';
import type { LaunchFacts } from './LaunchSummary';
import { needsLiveConfirm, useLiveConfirmStore } from './live-confirm-store';

/** What waits for the user's answer before anything (more) is sent. */
export type Pending =
  | { kind: 'live'; source: LaunchSource; facts: LaunchFacts; target: Target }
  | { kind: 'liveRetry'; record: TaskRecord; facts: LaunchFacts; target: Target }
  | { kind: 'loop'; source: LaunchSource }
  | { kind: 'duplicate'; recordId: string }
  | { kind: 'loopRetry'; recordId: string; duplicateConfirmed: boolean }
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

/**
 * Launching with the cost guards: the first single launch into a live app in a session shows where
 * it goes and what it may cost, and nothing is sent before the user confirms (LaunchSummary).
 * Then an unbounded loop and a retry of an unknown Start both ask first
 * (main refuses them without the confirmation, so the page cannot skip it). One flow per screen.
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

    const run = async (send: () => Promise<TaskRecord>, onGuard: (guard: string) => Pending): Promise<TaskRecord | null> => {
      set({ busy: true });
      try {
        return announce(await send());
      } catch (error) {
        const conflict = error instanceof CallError ? detailsOf(error.data, 'CONFLICT') : undefined;
        const guard = conflict && 'guard' in conflict ? conflict.guard : undefined;
        if (guard) set({ pending: onGuard(guard) });
        else report(error);
        return null;
      } finally {
        set({ busy: false });
      }
    };

    const send = (source: LaunchSource, confirmUnboundedLoop = false) =>
      run(
        () => invoke('launch.start', confirmUnboundedLoop ? { source, confirmUnboundedLoop } : { source }),
        () => ({ kind: 'loop', source }),
      );

    const retryNow = (recordId: string, unknown: boolean): Promise<TaskRecord | null> => {
      if (unknown) {
        set({ pending: { kind: 'duplicate', recordId } });
        return Promise.resolve(null);
      }
      return run(
        () => invoke('launch.retry', { recordId }),
        () => ({ kind: 'loopRetry', recordId, duplicateConfirmed: false }),
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
        // The summary the user confirmed already said the loop is endless: main's guard is answered.
        return send(source, options.confirmed === true && known !== null && isEndless(known.facts));
      },
      retry(record) {
        // Where the retry goes is where the record went (its app, region and account), whatever the preset says now.
        const target = targetOf(useAccountsStore.getState().overview, {
          sdkAppId: record.sdkAppId,
          profileId: record.profileId,
          region: record.region,
        });
        if (needsLiveConfirm(target)) return ask({ kind: 'liveRetry', record, facts: record.launch, target });
        return retryNow(record.id, record.state === 'unknown');
      },
      confirm() {
        const current = get().pending;
        set({ pending: null });
        if (current?.kind === 'live' || current?.kind === 'liveRetry') {
          useLiveConfirmStore.getState().markConfirmed(current.target);
          if (get().skip && current.target.appId) useLiveConfirmStore.getState().setSkipped(current.target.appId, true);
          if (current.kind === 'live') return send(current.source, isEndless(current.facts));
          // An unknown record still asks about the duplicate next: that is another risk than the bill.
          return retryNow(current.record.id, current.record.state === 'unknown');
        }
        if (current?.kind === 'loop')
          return run(
            () => invoke('launch.start', { source: current.source, confirmUnboundedLoop: true }),
            () => null,
          );
        if (current?.kind === 'duplicate')
          return run(
            () => invoke('launch.retry', { recordId: current.recordId, confirmPossibleDuplicate: true }),
            () => ({ kind: 'loopRetry', recordId: current.recordId, duplicateConfirmed: true }),
          );
        if (current?.kind === 'loopRetry')
          return run(
            () =>
              invoke('launch.retry', {
                recordId: current.recordId,
                confirmPossibleDuplicate: current.duplicateConfirmed,
                confirmUnboundedLoop: true,
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
