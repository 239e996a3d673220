import { Alert, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunMode } from '../../../../shared/shows/run-state';
import type { StoredShow } from '../../../../shared/shows/show-schema';
import { invoke } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { ArmControls } from './ArmControls';
import { concernsOf, problemText } from './preflight-text';
import { act } from './show-actions';
import { keepPreflight, useShowsStore } from './shows-store';

/**
 * Pre-flight: run it (for a live run or a rehearsal), every problem with its severity, what it
 * concerns, an explanation and a fix; the rate budget's spreading and the billed minutes; then arming.
 */
export function PreflightPanel({ show }: { show: StoredShow }) {
  const { t, i18n } = useTranslation('shows');
  const format = useFormat();
  const report = useShowsStore((state) => state.preflights[show.id]);
  const [checking, setChecking] = useState<RunMode | null>(null);

  useEffect(() => {
    if (report) return;
    void invoke('shows.lastPreflight', { id: show.id }).then(
      (last) => last && keepPreflight(last),
      () => undefined,
    );
  }, [show.id, report]);

  const check = (mode: RunMode) => {
    setChecking(mode);
    void act(t, async () => keepPreflight(await invoke('shows.preflight', { id: show.id, mode }))).finally(() => setChecking(null));
  };
  const number = (cueId: string) => show.cues.findIndex((cue) => cue.id === cueId) + 1;

  return (
    <Stack component="section" aria-labelledby="preflight-title" data-testid="preflight-panel">
      <Group justify="space-between">
        <Title order={3} size="h4" id="preflight-title">
          {t('preflightPanel.title')}
        </Title>
        <Group>
          <Button variant="default" loading={checking === 'rehearsal'} disabled={checking !== null} onClick={() => check('rehearsal')}>
            {t('preflightPanel.runRehearsal')}
          </Button>
          <Button loading={checking === 'live'} disabled={checking !== null} onClick={() => check('live')}>
            {t('preflightPanel.run')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('preflightPanel.help')}
      </Text>
      {!report ? <Text size="sm">{t('preflightPanel.never')}</Text> : null}
      {report ? (
        <>
          <Group gap="xs">
            <Text size="sm" data-testid="preflight-checked">
              {t('preflightPanel.checkedAt', {
                time: format.dayTime(report.checkedAt),
                trigger: t(`preflightPanel.triggers.${report.trigger}`),
                mode: t(`preflightPanel.modes.${report.mode}`),
              })}
            </Text>
            <Badge color={report.blocking ? 'red.9' : report.problems.length ? 'yellow.9' : 'green.9'} data-testid="preflight-count">
              {t('preflightPanel.problems', { count: report.problems.length })}
            </Badge>
          </Group>
          {report.revision !== show.revision ? (
            <Alert color="yellow" p="xs">
              {t('preflightPanel.stale')}
            </Alert>
          ) : null}
          {report.problems.length === 0 ? <Text size="sm">{t('preflightPanel.clean')}</Text> : null}
          {report.problems.length > 0 ? (
            <Table striped data-testid="preflight-problems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>{t('preflightPanel.severityHeader')}</Table.Th>
                  <Table.Th w={200}>{t('preflightPanel.concerns')}</Table.Th>
                  <Table.Th>{t('preflightPanel.problemHeader')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.problems.map((problem, index) => {
                  const text = problemText(t, (key) => i18n.exists(key), problem);
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the report is replaced whole, never edited in place
                    <Table.Tr key={index} data-testid="preflight-problem" data-code={problem.code} data-severity={problem.severity}>
                      <Table.Td>
                        <Badge color={problem.severity === 'blocking' ? 'red.9' : 'yellow.9'}>
                          {t(`preflightPanel.severity.${problem.severity}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{concernsOf(t, show, problem)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{text.explanation}</Text>
                        <Text size="sm" c="dimmed" data-testid="preflight-fix">
                          {t('preflightPanel.fixLabel', { fix: text.fix })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          ) : null}
          {report.delays.length > 0 ? (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('preflightPanel.delays')}
              </Text>
              <List size="sm">
                {report.delays.map((delay) => (
                  <List.Item key={delay.cueId}>{t('preflightPanel.delayOf', { number: number(delay.cueId), ms: delay.delayMs })}</List.Item>
                ))}
              </List>
            </Stack>
          ) : null}
          <Text size="sm" data-testid="preflight-estimate">
            {t('preflightPanel.estimate', { minutes: report.estimate.totalMinutes })}
          </Text>
          {report.estimate.openEnded.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('preflightPanel.estimateOpen', { tasks: report.estimate.openEnded.join(', ') })}
            </Text>
          ) : null}
        </>
      ) : null}
      <ArmControls show={show} report={report ?? null} />
    </Stack>
  );
}
