import { Badge, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MediaProbe, ProbeOutcome } from '../../../../shared/contract/media';

export const outcomeColor: Record<ProbeOutcome, string> = {
  reachable: 'green',
  'http-error': 'red',
  unreachable: 'red',
  timeout: 'orange',
  cancelled: 'gray',
  'refused-redirect': 'red',
  'too-many-redirects': 'orange',
  'not-probed': 'gray',
};

export function ProbeBadge({ probe, running }: { probe: MediaProbe | null; running: boolean }) {
  const { t } = useTranslation('media');
  if (running) return <Loader size="xs" aria-label={t('probe.running')} />;
  if (!probe) return null;
  return (
    <Badge
      size="sm"
      variant="light"
      color={outcomeColor[probe.outcome]}
      style={{ flexShrink: 0 }}
      data-testid="probe-badge"
      data-outcome={probe.outcome}
    >
      {probe.status !== null && probe.outcome === 'http-error' ? `${probe.status}` : t(`probe.outcome.${probe.outcome}`)}
    </Badge>
  );
}
