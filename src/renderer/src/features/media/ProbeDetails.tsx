import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../shared/contract/media';
import { useFormat } from '../../i18n/format';
import { describeError } from './errors';
import { useMediaView } from './media-view-store';
import { outcomeColor } from './ProbeBadge';

export function ProbeDetails({ entry }: { entry: MediaEntry }) {
  const { t } = useTranslation('media');
  const format = useFormat();
  const running = useMediaView((state) => state.probing.has(entry.id));
  const startProbe = useMediaView((state) => state.startProbe);
  const cancelProbe = useMediaView((state) => state.cancelProbe);
  const probe = entry.lastProbe;
  const fail = (error: unknown) => notifications.show({ color: 'red', message: describeError(t, error) });

  return (
    <Stack gap="xs" component="section" aria-labelledby="probe-title">
      <Group justify="space-between">
        <Title order={3} size="h5" id="probe-title">
          {t('probe.title')}
        </Title>
        {running ? (
          <Button size="xs" variant="default" onClick={() => cancelProbe(entry.id).catch(fail)}>
            {t('actions.cancelProbe')}
          </Button>
        ) : (
          <Button size="xs" variant="light" onClick={() => startProbe(entry.id).catch(fail)}>
            {t('actions.probe')}
          </Button>
        )}
      </Group>
      {running ? <Text size="sm">{t('probe.running')}</Text> : null}
      {!probe && !running ? <Text size="sm">{t('probe.never')}</Text> : null}
      {probe ? (
        <Stack gap={6} data-testid="probe-result" data-outcome={probe.outcome}>
          <Group gap="xs">
            <Badge color={outcomeColor[probe.outcome]}>{t(`probe.outcome.${probe.outcome}`)}</Badge>
            <Text size="xs" c="dimmed">
              {t('probe.at', { time: format.dateTime(probe.at), ms: probe.elapsedMs })}
            </Text>
          </Group>
          {probe.detail ? (
            <Text size="xs" style={{ wordBreak: 'break-all' }}>
              {probe.detail}
            </Text>
          ) : null}
          <Table fz="xs" withRowBorders={false}>
            <Table.Tbody>
              {probe.status !== null ? <Row label={t('probe.status')} value={String(probe.status)} /> : null}
              {probe.contentType ? <Row label={t('probe.contentType')} value={probe.contentType} /> : null}
              {probe.contentLength !== null ? <Row label={t('probe.contentLength')} value={format.bytes(probe.contentLength)} /> : null}
              {probe.redirects.length > 0 ? <Row label={t('probe.redirects')} value={probe.redirects.join(' → ')} /> : null}
            </Table.Tbody>
          </Table>
          {probe.hls ? (
            <Stack gap={4} data-testid="probe-hls">
              <Text size="sm" fw={500}>
                {probe.hls.type === 'master'
                  ? t('probe.hlsMaster', { count: probe.hls.variants.length })
                  : `${t('probe.hlsMedia', { segments: probe.hls.segments ?? 0, target: probe.hls.targetDuration ?? '?' })} · ${t(probe.hls.live ? 'probe.hlsLive' : 'probe.hlsVod')}`}
              </Text>
              {probe.hls.variants.length > 0 ? (
                <Table fz="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('probe.resolution')}</Table.Th>
                      <Table.Th>{t('probe.bandwidth')}</Table.Th>
                      <Table.Th>{t('probe.codecs')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {probe.hls.variants.map((variant, index) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: variants have no identity but their order
                      <Table.Tr key={index}>
                        <Table.Td>{variant.width && variant.height ? `${variant.width}×${variant.height}` : '–'}</Table.Td>
                        <Table.Td>{variant.bandwidth ? `${Math.round(variant.bandwidth / 1000)} kbps` : '–'}</Table.Td>
                        <Table.Td>{variant.codecs ?? '–'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ) : null}
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={110}>{label}</Table.Th>
      <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
    </Table.Tr>
  );
}
