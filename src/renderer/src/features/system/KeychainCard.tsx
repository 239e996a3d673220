import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeychainCause } from '../../../../shared/contract/system';
import { useCall } from '../../api/use-call';
import { ListFailed, ListLoading } from '../../app/ListStates';
import { useAccountsStore } from '../accounts/accounts-store';

const stateColor = { available: 'green', unavailable: 'red', locked: 'orange', timeout: 'orange' } as const;

export function KeychainCard() {
  const { t } = useTranslation('system');
  const status = useCall('system.keychainStatus', {});
  const data = status.data;
  const platformGuide = data && ['linux', 'darwin', 'win32'].includes(data.platform) ? data.platform : 'other';
  const overviewSaysUsable = useAccountsStore((state) => (state.overview ? state.overview.keychainProblem === null : null));
  const reloadOverview = useAccountsStore((state) => state.load);

  // The status bar shows the accounts overview's keychain; when this fresh answer disagrees (the
  // keychain recovered, or broke, since), the overview is read again so both say the same.
  useEffect(() => {
    if (data && overviewSaysUsable !== null && overviewSaysUsable !== (data.state === 'available')) void reloadOverview();
  }, [data, overviewSaysUsable, reloadOverview]);

  return (
    <Card withBorder aria-labelledby="keychain-title" component="section">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="keychain-title">
          {t('keychain.title')}
        </Title>
        <Button variant="subtle" size="xs" onClick={status.reload} loading={status.loading}>
          {t('common:actions.refresh')}
        </Button>
      </Group>
      {data ? (
        <Stack gap="xs">
          <Group gap="sm">
            <Badge color={stateColor[data.state]} data-testid="keychain-state" data-state={data.state}>
              {t(`keychain.state.${data.state}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('keychain.backend')}: {data.backend}
            </Text>
          </Group>
          <Text size="sm">{t('keychain.explain')}</Text>
          {data.state !== 'available' ? (
            <Alert color="orange" title={t(`keychain.state.${data.state}`)}>
              <Text size="sm">{t(`keychain.guide.${platformGuide}`)}</Text>
              {data.detail ? <KeychainDetail detail={data.detail} cause={data.cause} /> : null}
            </Alert>
          ) : null}
        </Stack>
      ) : status.error ? (
        <ListFailed what={t('keychain.title')} message={status.error.message} onRetry={status.reload} />
      ) : (
        <ListLoading what={t('keychain.title')} />
      )}
    </Card>
  );
}

/** The library's message as a translated cause; its raw English text only under "details". */
function KeychainDetail({ detail, cause }: { detail: string; cause: KeychainCause | undefined }) {
  const { t } = useTranslation('system');
  return (
    <>
      {cause ? (
        <Text size="sm" mt="xs" data-testid="keychain-cause" data-cause={cause}>
          {t(`keychain.cause.${cause}`)}
        </Text>
      ) : null}
      <details>
        <summary>
          <Text span size="xs" c="dimmed">
            {t('keychain.details')}
          </Text>
        </summary>
        <Text size="xs" c="dimmed" ff="monospace" lang="en">
          {detail}
        </Text>
      </details>
    </>
  );
}
