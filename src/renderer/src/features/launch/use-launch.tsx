import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaunchProblem, LaunchSource, TaskRecord } from '../../../../shared/contract/launch';
import { CallError, invoke } from '../../api/client';

type Pending =
  | { kind: 'loop'; source: LaunchSource }
  | { kind: 'duplicate'; recordId: string }
  | { kind: 'loopRetry'; recordId: string; duplicateConfirmed: boolean }
  | null;

/**
 * Launching with the cost guards: an unbounded loop and a retry of an unknown Start both ask first
 * (main refuses them without the confirmation, so the page cannot skip it). Returns the modal to mount.
 */
export function useLaunch(): {
  launch(source: LaunchSource): Promise<TaskRecord | null>;
  retry(recordId: string, unknown: boolean): Promise<TaskRecord | null>;
  busy: boolean;
  modal: ReactNode;
} {
  const { t } = useTranslation('launch');
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);

  const report = useCallback(
    (error: unknown) => {
      const data = error instanceof CallError ? error.data : { code: 'INTERNAL' as const, message: String(error) };
      const problems = (data.details?.problems as LaunchProblem[] | undefined) ?? [];
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
        const guard = error instanceof CallError ? (error.data.details?.guard as string | undefined) : undefined;
        if (guard) setPending(onGuard(guard));
        else report(error);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [announce, report],
  );

  const launch = useCallback(
    (source: LaunchSource) =>
      run(
        () => invoke('launch.start', { source }),
        () => ({ kind: 'loop', source }),
      ),
    [run],
  );

  const retry = useCallback(
    (recordId: string, unknown: boolean) =>
      unknown
        ? Promise.resolve(setPending({ kind: 'duplicate', recordId })).then(() => null)
        : run(
            () => invoke('launch.retry', { recordId }),
            () => ({ kind: 'loopRetry', recordId, duplicateConfirmed: false }),
          ),
    [run],
  );

  const confirm = () => {
    const current = pending;
    setPending(null);
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

  const modal = (
    <Modal
      opened={pending !== null}
      onClose={() => setPending(null)}
      title={pending?.kind === 'duplicate' ? t('retryUnknownTitle') : t('guards.unboundedLoopTitle')}
    >
      <Text size="sm" mb="md">
        {pending?.kind === 'duplicate' ? t('retryUnknown') : t('guards.unboundedLoop')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => setPending(null)}>
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
