import { Fieldset, Group, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../../shared/contract';
import { invoke } from '../../api/client';
import { act } from './show-actions';

type StartFault = 'none' | 'fail' | 'unknown';
type FaultRule = CallInput<'shows.setFault'>['rule'];

/** A Start the sandbox refuses with a TRTC error (the launch failed), or one it runs but whose answer is lost (unknown). */
const startRules: Record<StartFault, FaultRule> = {
  none: null,
  fail: { error: { code: 'FailedOperation', message: 'Rehearsal fault', times: 1000 } },
  unknown: { failure: 'reset', failAfterProcessing: true },
};

/**
 * Mid-rehearsal faults on the built-in sandbox, so a producer practises the failures: Starts that
 * fail, Starts whose outcome is unknown, every call slower. Rehearsal only (main refuses it live).
 */
export function RehearsalControls({ showId }: { showId: string }) {
  const { t } = useTranslation('shows');
  const [start, setStart] = useState<StartFault>('none');
  const [slow, setSlow] = useState(false);
  const set = (action: CallInput<'shows.setFault'>['action'], rule: FaultRule, then: () => void) =>
    void act(t, async () => {
      await invoke('shows.setFault', { id: showId, action, rule });
      then();
      notifications.show({ message: rule ? t('rehearsal.faultSet') : t('rehearsal.faultCleared') });
    });
  return (
    <Fieldset legend={t('rehearsal.faults')} data-testid="rehearsal-faults">
      <Stack gap="xs">
        <Group>
          <Text size="sm" id="start-fault-label">
            StartStreamIngest
          </Text>
          <SegmentedControl
            aria-labelledby="start-fault-label"
            value={start}
            onChange={(value) => set('StartStreamIngest', startRules[value as StartFault], () => setStart(value as StartFault))}
            data={[
              { value: 'none', label: t('rehearsal.faultNone') },
              { value: 'fail', label: t('rehearsal.faultStart') },
              { value: 'unknown', label: t('rehearsal.faultUnknown') },
            ]}
          />
        </Group>
        <Switch
          label={t('rehearsal.faultLatency')}
          checked={slow}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            set('*', on ? { latencyMs: 2000 } : null, () => setSlow(on));
          }}
        />
      </Stack>
    </Fieldset>
  );
}
