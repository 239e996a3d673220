import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CueRunState, ShowRun } from '../../../../shared/shows/run-state';
import type { StoredShow } from '../../../../shared/shows/show-schema';
import { invoke } from '../../api/client';
import { TargetBadge } from '../../app/Target';
import { useFormat } from '../../i18n/format';
import { actionText, triggerText } from './cue-text';
import { isPending } from './run-clock';
import { act } from './show-actions';
import { runCall } from './shows-store';

const stateColour: Record<CueRunState, string> = {
  waiting: 'gray.7',
  standby: 'blue.9',
  firing: 'cyan.9',
  done: 'green.9',
  failed: 'red.9',
  unknown: 'orange.9',
  held: 'red.9',
  missed: 'orange.9',
  skipped: 'gray.7',
};

/** Every cue of the run (memoised: it renders when main sends a new run, not at each tick of the clock): what it does, when, where it goes (LIVE or SANDBOX), its state, and Jump for one still to come. */
export const CueRunList = memo(function CueRunList({ show, run }: { show: StoredShow; run: ShowRun }) {
  const { t } = useTranslation('shows');
  const format = useFormat();
  const states = new Map(run.cues.map((cue) => [cue.cueId, cue]));
  const time = (iso: string) => format.dayTime(iso);
  return (
    <Table striped aria-label={t('run.cueList')} data-testid="run-cues">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>{t('editor.action')}</Table.Th>
          <Table.Th>{t('editor.trigger')}</Table.Th>
          <Table.Th>{t('run.stateHeader')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('run.jump')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {show.cues.map((cue, index) => {
          const state = states.get(cue.id);
          const number = index + 1;
          const late = state?.lateMs;
          return (
            <Table.Tr
              key={cue.id}
              data-testid="run-cue"
              data-cue-id={cue.id}
              data-state={state?.state ?? 'waiting'}
              data-next={run.nextCueId === cue.id || undefined}
            >
              <Table.Td>{number}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={run.nextCueId === cue.id ? 700 : undefined}>
                  {cue.label ? `${cue.label} · ` : ''}
                  {actionText(t, cue)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{triggerText(t, cue, time)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {state ? <TargetBadge kind={state.target} size="xs" /> : null}
                  {state ? (
                    <Badge color={stateColour[state.state]} size="sm" data-testid="cue-state">
                      {t(`run.cueStates.${state.state}`)}
                    </Badge>
                  ) : null}
                  {/* Under a second reads 0:00: scheduling noise, not lateness worth showing. */}
                  {late !== undefined && late >= 1000 ? (
                    <Text size="xs" c="dimmed">
                      {t('run.late', { time: format.duration(late) })}
                    </Text>
                  ) : null}
                  {state?.delayedMs ? (
                    <Text size="xs" c="dimmed">
                      {t('run.delayed', { ms: state.delayedMs })}
                    </Text>
                  ) : null}
                  {state?.error ? (
                    <Text size="xs" c="red" data-testid="cue-error">
                      {state.error.code}
                    </Text>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                {state && isPending(state) ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('run.jumpTo', { number })}
                    onClick={() => void act(t, () => runCall(() => invoke('shows.jump', { id: show.id, cueId: cue.id })))}
                  >
                    {t('run.jump')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
});
