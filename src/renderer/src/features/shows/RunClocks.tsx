import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShowRun } from '../../../../shared/shows/run-state';
import type { StoredShow } from '../../../../shared/shows/show-schema';
import { useFormat } from '../../i18n/format';
import { useNow } from '../tasks/use-now';
import { actionText } from './cue-text';
import { countdownMs, nextCueOf, showTimeAt } from './run-clock';

/**
 * The big show clock and the next cue with its countdown. The only part of the run view that ticks
 * (four times a second, so a ×60 rehearsal's seconds do not stutter): the cue list below renders only
 * when main sends a new run.
 */
export function RunClocks({ show, run }: { show: StoredShow; run: ShowRun }) {
  const { t, i18n } = useTranslation('shows');
  const format = useFormat();
  const showNow = showTimeAt(run.clock, useNow(250));
  const next = nextCueOf(run);
  const nextIndex = next ? show.cues.findIndex((cue) => cue.id === next.cueId) : -1;
  const nextCue = show.cues[nextIndex];
  const countdown = next ? countdownMs(next.dueAt, showNow) : null;
  const clock = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return (
    <Group align="stretch" grow>
      <Paper withBorder p="md">
        <Text size="sm" c="dimmed">
          {t('run.clock')}
        </Text>
        <Text fz={56} fw={700} ff="monospace" lh={1.1} data-testid="run-clock">
          {run.startedAt === null ? '--:--:--' : clock.format(showNow)}
        </Text>
        {run.startedAt === null ? <Text size="sm">{t('run.notStarted')}</Text> : null}
      </Paper>
      <Paper withBorder p="md" data-testid="run-next">
        <Text size="sm" c="dimmed">
          {t('run.next')}
        </Text>
        {nextCue && next ? (
          <>
            <Text fw={600} size="lg">
              {nextIndex + 1}. {nextCue.label || actionText(t, nextCue)}
            </Text>
            <Text fz={32} fw={700} ff="monospace" data-testid="run-countdown">
              {countdown === null ? (next.state === 'standby' ? t('run.nextOnGo') : t('run.nextAfter')) : format.duration(countdown)}
            </Text>
          </>
        ) : (
          <Text>{t('run.none')}</Text>
        )}
      </Paper>
    </Group>
  );
}
