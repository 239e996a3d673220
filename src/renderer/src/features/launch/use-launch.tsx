import { Button, Checkbox, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { LaunchSource, TaskRecord } from '../../../../shared/contract/launch';
import { LaunchSummary } from './LaunchSummary';
import { createLaunchFlow, isEndless, type LaunchNotice } from './launch-flow';

/** Shows what the launch flow tells, in the page's language. */
function useLaunchNotices(): (notice: LaunchNotice) => void {
  const { t } = useTranslation('launch');
  return (notice) => {
    if (notice.kind === 'started') notifications.show({ color: 'green', message: t('started', { taskId: notice.taskId }) });
    if (notice.kind === 'autoPush') notifications.show({ color: 'blue', message: t('guards.autoPush') });
    if (notice.kind === 'refused')
      notifications.show({
        color: 'red',
        title: t(`common:errors.${notice.code}`),
        message: notice.problems.length > 0 ? notice.problems.map((problem) => t(problem.message)).join(' ') : notice.message,
      });
  };
}

/** The screen's launch flow (launch-flow.ts) and the modal that asks its questions, to mount. */
export function useLaunch(): {
  launch(source: LaunchSource, options?: { confirmed?: boolean }): Promise<TaskRecord | null>;
  retry(record: TaskRecord): Promise<TaskRecord | null>;
  busy: boolean;
  modal: ReactNode;
} {
  const { t } = useTranslation('launch');
  const notices = useLaunchNotices();
  const tell = useRef(notices);
  tell.current = notices;
  const [flow] = useState(() => createLaunchFlow((notice) => tell.current(notice)));
  const { pending, busy, skip, launch, retry, confirm, cancel, setSkip } = useStore(flow);
  const yes = () => void confirm();

  const modal =
    pending?.kind === 'live' || pending?.kind === 'liveRetry' ? (
      <Modal opened onClose={cancel} title={t('common:liveConfirm.title')} data-testid="live-confirm">
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
          <Button variant="default" data-autofocus onClick={cancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red.9" onClick={yes}>
            {t('common:liveConfirm.confirm')}
          </Button>
        </Group>
      </Modal>
    ) : (
      <Modal
        opened={pending !== null}
        onClose={cancel}
        title={pending?.kind === 'duplicate' ? t('retryUnknownTitle') : t('guards.unboundedLoopTitle')}
      >
        <Text size="sm" mb="md">
          {pending?.kind === 'duplicate' ? t('retryUnknown') : t('guards.unboundedLoop')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" data-autofocus onClick={cancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="orange" onClick={yes}>
            {pending?.kind === 'duplicate' ? t('retryConfirm') : t('guards.confirm')}
          </Button>
        </Group>
      </Modal>
    );

  return { launch, retry, busy, modal };
}
