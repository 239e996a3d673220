import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShowRun } from '../../../../shared/shows/run-state';
import type { StoredShow } from '../../../../shared/shows/show-schema';
import { invoke } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { actionText } from './cue-text';
import { decisionsOf } from './run-clock';
import { act } from './show-actions';
import { runCall } from './shows-store';

/**
 * What the producer must decide: cues missed while the app was down or asleep (never fired late on
 * their own; how late each is now), and cues held after a failed or unknown launch. Fire or skip each.
 */
export function DecisionList({ show, run }: { show: StoredShow; run: ShowRun }) {
  const { t } = useTranslation('shows');
  const format = useFormat();
  const { missed, held } = decisionsOf(run);
  if (missed.length === 0 && held.length === 0) return null;
  const number = (cueId: string) => show.cues.findIndex((cue) => cue.id === cueId) + 1;
  const cueOf = (cueId: string) => show.cues.find((cue) => cue.id === cueId);
  const choice = (cueId: string) => (
    <Group gap="xs">
      <Button size="xs" color="orange" onClick={() => void act(t, () => runCall(() => invoke('shows.fire', { id: show.id, cueId })))}>
        {t('run.fireCue', { number: number(cueId) })}
      </Button>
      <Button size="xs" variant="default" onClick={() => void act(t, () => runCall(() => invoke('shows.skip', { id: show.id, cueId })))}>
        {t('run.skipCue', { number: number(cueId) })}
      </Button>
    </Group>
  );
  const line = (cueId: string) => {
    const cue = cueOf(cueId);
    return `${number(cueId)}. ${cue ? cue.label || actionText(t, cue) : cueId}`;
  };
  return (
    <Stack gap="xs">
      {missed.length > 0 ? (
        <Alert color="orange" title={t('run.missedTitle')} data-testid="run-missed">
          <Text size="sm" mb="xs">
            {t('run.missedBody')}
          </Text>
          <Stack gap="xs">
            {missed.map((cue) => (
              <Group key={cue.cueId} justify="space-between" data-testid="missed-cue" data-cue-id={cue.cueId}>
                <Text size="sm">
                  {line(cue.cueId)} · {t('run.late', { time: format.duration(cue.lateMs ?? 0) })}
                </Text>
                {choice(cue.cueId)}
              </Group>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {held.map((cue) => (
        <Alert key={cue.cueId} color="red" data-testid="held-cue" data-cue-id={cue.cueId}>
          <Group justify="space-between">
            <Text size="sm">
              {line(cue.cueId)} · {t('run.heldBy', { task: cue.heldBy ?? '?' })}
            </Text>
            {choice(cue.cueId)}
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
