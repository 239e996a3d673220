import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconHandStop, IconPlayerPlay, IconPlayerSkipForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ShowRun } from '../../../../shared/shows/run-state';
import type { StoredShow } from '../../../../shared/shows/show-schema';
import { invoke } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { CueRunList } from './CueRunList';
import { DecisionList } from './DecisionList';
import { DisarmButton } from './DisarmButton';
import { isGoKey } from './go-key';
import { RehearsalControls } from './RehearsalControls';
import { RunClocks } from './RunClocks';
import { nextCueOf } from './run-clock';
import { act } from './show-actions';
import { runCall, useShowsStore } from './shows-store';

/**
 * The running show: a big clock, the next cue with its countdown, Go / Hold / Skip (Jump is on each
 * cue), the cues to decide about, and every cue's state. Space is Go while this view has the focus
 * and no field or control inside it does.
 */
export function RunView({ show }: { show: StoredShow }) {
  const { t } = useTranslation('shows');
  const format = useFormat();
  const run = useShowsStore((state) => state.run);

  if (!run || run.state === 'ended' || run.showId !== show.id) {
    return (
      <Text size="sm" data-testid="run-empty">
        {run && run.state !== 'ended' ? t('run.otherShow', { name: run.showName }) : t('run.empty')}
      </Text>
    );
  }

  const next = nextCueOf(run);
  const call = (send: () => Promise<ShowRun>) => void act(t, () => runCall(send));
  const go = () => call(() => invoke('shows.go', { id: show.id }));

  return (
    <Stack
      gap="md"
      tabIndex={0}
      role="region"
      aria-label={t('run.label', { name: run.showName })}
      data-testid="run-view"
      data-run-state={run.state}
      onKeyDown={(event) => {
        if (!isGoKey({ ...event, target: event.target as HTMLElement })) return;
        event.preventDefault();
        go();
      }}
      style={{ outlineOffset: 4 }}
    >
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3} size="h4">
            {run.showName}
          </Title>
          <Badge color={run.mode === 'live' ? 'red.9' : 'grape.9'} data-testid="run-mode">
            {t(`run.mode.${run.mode}`)}
          </Badge>
          <Badge variant="outline" data-testid="run-state">
            {t(`run.states.${run.state}`)}
          </Badge>
          {run.mode === 'rehearsal' ? <Badge variant="light">{t('rehearsal.speed', { speed: run.clock.speed })}</Badge> : null}
        </Group>
        <DisarmButton showId={show.id} />
      </Group>
      {run.overridden ? (
        <Alert color="red" p="xs">
          {t('run.overridden')}
        </Alert>
      ) : null}
      {run.recoveredAt ? (
        <Alert color="orange" p="xs" data-testid="run-recovered">
          {t('run.recovered', { time: format.dayTime(run.recoveredAt) })}
        </Alert>
      ) : null}
      <RunClocks show={show} run={run} />
      <Group>
        <Button
          size="lg"
          color="green.9"
          leftSection={<IconPlayerPlay size={20} />}
          onClick={go}
          data-testid="run-go"
          title={t('run.goHint')}
        >
          {t('run.go')}
        </Button>
        {run.state === 'held' ? (
          <Button size="lg" variant="default" onClick={() => call(() => invoke('shows.resume', { id: show.id }))}>
            {t('run.resume')}
          </Button>
        ) : (
          <Button
            size="lg"
            variant="default"
            leftSection={<IconHandStop size={20} />}
            onClick={() => call(() => invoke('shows.hold', { id: show.id }))}
          >
            {t('run.hold')}
          </Button>
        )}
        <Button
          size="lg"
          variant="default"
          leftSection={<IconPlayerSkipForward size={20} />}
          disabled={!next}
          onClick={() => next && call(() => invoke('shows.skip', { id: show.id, cueId: next.cueId }))}
        >
          {t('run.skip')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('run.goHint')}
        </Text>
      </Group>
      <DecisionList show={show} run={run} />
      {run.mode === 'rehearsal' ? <RehearsalControls showId={show.id} /> : null}
      <CueRunList show={show} run={run} />
    </Stack>
  );
}
