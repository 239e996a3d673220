import { Button, Checkbox, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailsOf } from '../../../../shared/contract/errors';
import type { LaunchSource, TaskRecord } from '../../../../shared/contract/launch';
import { CallError, invoke } from '../../api/client';
import { useAccountsStore } from '../accounts/accounts-store';
import { type Target, targetOf } from '../accounts/target';
import { usePresetsStore } from '../presets/presets-store';
import { type LaunchFacts, LaunchSummary } from './LaunchSummary';
import { needsLiveConfirm, useLiveConfirmStore } from './live-confirm-store';

type Pending =
  | { kind: 'live'; source: LaunchSource; facts: LaunchFacts; target: Target }
  | { kind: 'liveRetry'; record: TaskRecord; facts: LaunchFacts; target: Target }
  | { kind: 'loop'; source: LaunchSource }
  | { kind: 'duplicate'; recordId: string }
  | { kind: 'loopRetry'; recordId: string; duplicateConfirmed: boolean }
  | null;

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
 * (main refuses them without the confirmation, so the page cannot skip it). Returns the modal to mount.
 */
export function useLaunch(): {
  /** `confirmed`: the user already saw this launch's summary (the keyboard confirmation). */
  launch(source: LaunchSource, options?: { confirmed?: boolean }): Promise<TaskRecord | null>;
  /** A failed or unknown record launched again: a live one asks first too, as a launch does. */
  retry(record: TaskRecord): Promise<TaskRecord | null>;
  busy: boolean;
  modal: ReactNode;
} {
  const { t } = useTranslation('launch');
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [skip, setSkip] = useState(false);

  const report = useCallback(
    (error: unknown) => {
      const data = error instanceof CallError ? error.data : { code: 'INTERNAL' as const, message: String(error) };
      const input = detailsOf(data, 'INVALID_INPUT');
      const problems = input && 'problems' in input ? input.problems : [];
      notifications.show({
        color: 'red',
        title: t(`common:errors.${data.code}`),
        message: problems.length > 0 ? problems.map((problem) => t(problem.message)).join(' ') : data.message,
      });
    },
    [t],
  );

  const announce = useCallback(
    (record: TaskRecord) => {
      if (record.state === 'started') notifications.show({ color: 'green', message: t('started', { taskId: record.taskId }) });
      if (record.request.AutoPush === true) notifications.show({ color: 'blue', message: t('guards.autoPush') });
      return record;
    },
    [t],
  );

  const run = useCallback(
    async (send: () => Promise<TaskRecord>, onGuard: (guard: string) => Pending): Promise<TaskRecord | null> => {
      setBusy(true);
      try {
        return announce(await send());
      } catch (error) {
        const conflict = error instanceof CallError ? detailsOf(error.data, 'CONFLICT') : undefined;
        const guard = conflict && 'guard' in conflict ? conflict.guard : undefined;
        if (guard) setPending(onGuard(guard));
        else report(error);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [announce, report],
  );

  const send = useCallback(
    (source: LaunchSource, confirmUnboundedLoop = false) =>
      run(
        () => invoke('launch.start', confirmUnboundedLoop ? { source, confirmUnboundedLoop } : { source }),
        () => ({ kind: 'loop', source }),
      ),
    [run],
  );

  const launch = useCallback(
    (source: LaunchSource, options: { confirmed?: boolean } = {}) => {
      const known = launchFactsOf(source);
      if (known && options.confirmed) useLiveConfirmStore.getState().markConfirmed(known.target);
      if (known && !options.confirmed && needsLiveConfirm(known.target)) {
        setSkip(false);
        setPending({ kind: 'live', source, ...known });
        return Promise.resolve(null);
      }
      // The summary the user confirmed already said the loop is endless: main's guard is answered.
      return send(source, options.confirmed === true && known !== null && isEndless(known.facts));
    },
    [send],
  );

  const retryNow = useCallback(
    (recordId: string, unknown: boolean) =>
      unknown
        ? Promise.resolve(setPending({ kind: 'duplicate', recordId })).then(() => null)
        : run(
            () => invoke('launch.retry', { recordId }),
            () => ({ kind: 'loopRetry', recordId, duplicateConfirmed: false }),
          ),
    [run],
  );

  const retry = useCallback(
    (record: TaskRecord) => {
      // Where the retry goes is where the record went (its app, region and account), whatever the preset says now.
      const target = targetOf(useAccountsStore.getState().overview, {
        sdkAppId: record.sdkAppId,
        profileId: record.profileId,
        region: record.region,
      });
      if (needsLiveConfirm(target)) {
        setSkip(false);
        setPending({ kind: 'liveRetry', record, facts: record.launch, target });
        return Promise.resolve(null);
      }
      return retryNow(record.id, record.state === 'unknown');
    },
    [retryNow],
  );

  const confirm = () => {
    const current = pending;
    setPending(null);
    if (current?.kind === 'live' || current?.kind === 'liveRetry') {
      useLiveConfirmStore.getState().markConfirmed(current.target);
      if (skip && current.target.appId) useLiveConfirmStore.getState().setSkipped(current.target.appId, true);
      if (current.kind === 'live') void send(current.source, isEndless(current.facts));
      // An unknown record still asks about the duplicate next: that is another risk than the bill.
      else void retryNow(current.record.id, current.record.state === 'unknown');
    }
    if (current?.kind === 'loop')
      void run(
        () => invoke('launch.start', { source: current.source, confirmUnboundedLoop: true }),
        () => null,
      );
    if (current?.kind === 'duplicate') {
      void run(
        () => invoke('launch.retry', { recordId: current.recordId, confirmPossibleDuplicate: true }),
        () => ({ kind: 'loopRetry', recordId: current.recordId, duplicateConfirmed: true }),
      );
    }
    if (current?.kind === 'loopRetry') {
      void run(
        () =>
          invoke('launch.retry', {
            recordId: current.recordId,
            confirmPossibleDuplicate: current.duplicateConfirmed,
            confirmUnboundedLoop: true,
          }),
        () => null,
      );
    }
  };

  const modal =
    pending?.kind === 'live' || pending?.kind === 'liveRetry' ? (
      <Modal opened onClose={() => setPending(null)} title={t('common:liveConfirm.title')} data-testid="live-confirm">
        <LaunchSummary facts={pending.facts} target={pending.target} />
        {pending.target.appId && !isEndless(pending.facts) ? (
          <Checkbox
            mt="md"
            size="sm"
            checked={skip}
            onChange={(event) => setSkip(event.currentTarget.checked)}
            label={t('common:liveConfirm.skip', { app: pending.target.app })}
          />
        ) : null}
        <Group justify="flex-end" mt="md">
          {/* Cancel has the focus: Enter alone never starts a billed stream. */}
          <Button variant="default" data-autofocus onClick={() => setPending(null)}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red.9" onClick={confirm}>
            {t('common:liveConfirm.confirm')}
          </Button>
        </Group>
      </Modal>
    ) : (
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={pending?.kind === 'duplicate' ? t('retryUnknownTitle') : t('guards.unboundedLoopTitle')}
      >
        <Text size="sm" mb="md">
          {pending?.kind === 'duplicate' ? t('retryUnknown') : t('guards.unboundedLoop')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" data-autofocus onClick={() => setPending(null)}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="orange" onClick={confirm}>
            {pending?.kind === 'duplicate' ? t('retryConfirm') : t('guards.confirm')}
          </Button>
        </Group>
      </Modal>
    );

  return { launch, retry, busy, modal };
}

function isEndless(facts: LaunchFacts): boolean {
  return facts.repeatNum === -1 && facts.maxDuration === null;
}
