import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PresetDraft } from '../../../../shared/contract/presets';
import { TargetLine } from '../../app/Target';
import type { Target } from '../accounts/target';

export type LaunchFacts = Pick<PresetDraft, 'name' | 'roomId' | 'repeatNum' | 'maxDuration'>;

/** What a launch is about to do: where (target), which room, and the cost guards. */
export function LaunchSummary({ facts, target }: { facts: LaunchFacts; target: Target }) {
  const { t } = useTranslation();
  const loops = facts.repeatNum === -1;
  return (
    <Stack gap="xs" data-testid="launch-summary">
      <TargetLine target={target} size="sm" />
      <List size="sm" spacing={2}>
        <List.Item>{t('liveConfirm.preset', { name: facts.name })}</List.Item>
        <List.Item data-testid="launch-summary-room">{t('liveConfirm.room', { room: facts.roomId })}</List.Item>
        <List.Item data-testid="launch-summary-loop">
          {loops
            ? facts.maxDuration === null
              ? t('liveConfirm.loopEndless')
              : t('liveConfirm.loopBounded', { minutes: facts.maxDuration })
            : t('liveConfirm.plays', { count: facts.repeatNum })}
        </List.Item>
        {target.kind !== 'sandbox' ? <List.Item>{t('liveConfirm.pausedBills')}</List.Item> : null}
      </List>
      {target.kind !== 'sandbox' ? (
        <Text size="sm" fw={600}>
          {t('liveConfirm.body')}
        </Text>
      ) : null}
    </Stack>
  );
}
