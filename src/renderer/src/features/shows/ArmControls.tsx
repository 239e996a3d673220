import { Button, Group, List, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailsOf } from '../../../../shared/contract';
import type { PreflightProblem, PreflightReport } from '../../../../shared/shows/preflight';
import { type RunMode, type RunSpeed, runSpeeds } from '../../../../shared/shows/run-state';
import type { StoredShow } from '../../../../shared/shows/show-schema';
import { CallError, invoke } from '../../api/client';
import { TargetLine } from '../../app/Target';
import { useAccountsStore } from '../accounts/accounts-store';
import { usePresetsStore } from '../presets/presets-store';
import { liveTargetsOf } from './live-targets';
import { concernsOf, problemText } from './preflight-text';
import { act } from './show-actions';
import { keepPreflight, runCall, useShowsStore } from './shows-store';

type Step = 'override' | 'live' | null;

/**
 * Arming: live, or a rehearsal on the sandbox at ×1/×10/×60. A blocking pre-flight problem needs an
 * explicit override that names the problems; a live run then asks once more, naming the live
 * accounts and apps, in the words of the desk's live confirmation (Cancel has the focus).
 */
export function ArmControls({ show, report }: { show: StoredShow; report: PreflightReport | null }) {
  const { t, i18n } = useTranslation('shows');
  const [mode, setMode] = useState<RunMode>('rehearsal');
  const [speed, setSpeed] = useState<RunSpeed>(1);
  const [step, setStep] = useState<Step>(null);
  const [busy, setBusy] = useState(false);
  const run = useShowsStore((state) => state.run);
  const presets = usePresetsStore((state) => state.presets) ?? [];
  const overview = useAccountsStore((state) => state.overview);
  const liveTargets = liveTargetsOf(show, presets, overview);
  const otherArmed = run && run.state !== 'ended' ? run : null;
  // Main's own refusal (its pre-flight found blocking problems this page had not seen) names them too.
  const [refused, setRefused] = useState<PreflightProblem[] | null>(null);
  const reportFits = report !== null && report.mode === mode && report.revision === show.revision;
  const blocking = refused ?? (reportFits ? report.problems.filter((problem) => problem.severity === 'blocking') : []);

  const send = (override: boolean) => {
    setStep(null);
    setBusy(true);
    // Only the live confirmation's button sends a live arming: main refuses one without confirmLive.
    const input = {
      id: show.id,
      mode,
      ...(mode === 'rehearsal' ? { speed } : { confirmLive: true }),
      ...(override ? { override } : {}),
    };
    void act(t, async () => {
      try {
        await runCall(() => invoke('shows.arm', input));
        setRefused(null);
      } catch (error) {
        // Main's own pre-flight found blocking problems: they are in its last pre-flight of the show.
        const details = error instanceof CallError ? detailsOf(error.data, 'CONFLICT') : undefined;
        if (override || !details || !('state' in details) || details.state !== 'preflightBlocking') throw error;
        const last = await invoke('shows.lastPreflight', { id: show.id });
        if (last) keepPreflight(last);
        setRefused(last?.problems.filter((problem) => problem.severity === 'blocking') ?? []);
        setStep('override');
      }
    }).finally(() => setBusy(false));
  };
  const afterOverride = () => (mode === 'live' ? setStep('live') : send(true));
  const start = () => {
    if (blocking.length > 0) setStep('override');
    else if (mode === 'live') setStep('live');
    else send(false);
  };
  const overridden = step === 'live' && blocking.length > 0;

  return (
    <Stack gap="xs" component="section" aria-labelledby="arm-title" data-testid="arm-controls">
      <Title order={3} size="h4" id="arm-title">
        {t('arm.title')}
      </Title>
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="arm-mode-label">
            {t('arm.mode')}
          </Text>
          <SegmentedControl
            aria-labelledby="arm-mode-label"
            value={mode}
            onChange={(value) => {
              setMode(value as RunMode);
              setRefused(null);
            }}
            data={(['rehearsal', 'live'] as const).map((value) => ({ value, label: t(`arm.modes.${value}`) }))}
          />
        </Stack>
        {mode === 'rehearsal' ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="arm-speed-label">
              {t('arm.speed')}
            </Text>
            <SegmentedControl
              aria-labelledby="arm-speed-label"
              value={String(speed)}
              onChange={(value) => setSpeed(Number(value) as RunSpeed)}
              data={runSpeeds.map((value) => ({ value: String(value), label: `×${value}` }))}
            />
          </Stack>
        ) : null}
        <Button
          color={mode === 'live' ? 'red.9' : undefined}
          loading={busy}
          disabled={otherArmed !== null}
          onClick={start}
          data-testid="arm-button"
        >
          {mode === 'live' ? t('arm.armLive') : t('arm.armRehearsal')}
        </Button>
      </Group>
      {otherArmed ? <Text size="sm">{t('arm.otherArmed', { name: otherArmed.showName })}</Text> : null}
      {!reportFits ? (
        <Text size="sm" c="dimmed">
          {t('arm.needsPreflight')}
        </Text>
      ) : null}

      <Modal
        opened={step === 'override'}
        onClose={() => {
          setStep(null);
          setRefused(null);
        }}
        title={t('arm.blockingTitle')}
        data-testid="arm-override"
      >
        <Text size="sm">{t('arm.blockingBody')}</Text>
        <List size="sm" mt="xs" data-testid="arm-override-problems">
          {blocking.map((problem, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for this dialog
            <List.Item key={index}>
              {concernsOf(t, show, problem)}: {problemText(t, (key) => i18n.exists(key), problem).explanation}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end" mt="md">
          <Button variant="default" data-autofocus onClick={() => setStep(null)}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red.9" onClick={afterOverride}>
            {t('arm.override')}
          </Button>
        </Group>
      </Modal>

      <Modal opened={step === 'live'} onClose={() => setStep(null)} title={t('arm.liveTitle')} data-testid="live-confirm">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('arm.liveBody')}
          </Text>
          <Text size="sm">{t('arm.liveAccounts')}</Text>
          {liveTargets.map((target) => (
            <TargetLine key={target.appId ?? target.sdkAppId} target={target} size="sm" />
          ))}
          <Text size="sm">{t('common:liveConfirm.pausedBills')}</Text>
        </Stack>
        <Group justify="flex-end" mt="md">
          {/* Cancel has the focus: Enter alone never arms a billed show. */}
          <Button variant="default" data-autofocus onClick={() => setStep(null)}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red.9" onClick={() => send(overridden)}>
            {t('arm.confirmLive')}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
