import { Alert, Card, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/system';
import { useCall } from '../../api/use-call';
import { ListFailed, ListLoading } from '../../app/ListStates';
import { updateSettings, useSettingsStore } from '../../app/settings-store';
import { KeychainCard } from './KeychainCard';

export function SystemScreen() {
  const { t } = useTranslation('system');
  return (
    <Stack>
      <Title order={2}>{t('title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <KeychainCard />
        <PreferencesCard />
        <AppInfoCard />
        <StoreHealthCard />
      </SimpleGrid>
    </Stack>
  );
}

function PreferencesCard() {
  const { t } = useTranslation('system');
  const settings = useSettingsStore((state) => state.settings);
  if (!settings) return null;
  return (
    <Card withBorder component="section" aria-labelledby="prefs-title">
      <Title order={2} size="h4" id="prefs-title" mb="sm">
        {t('settings.title')}
      </Title>
      <Stack>
        <Select
          label={t('settings.language')}
          value={settings.language}
          allowDeselect={false}
          data={(['system', 'en', 'zh-CN'] as const).map((value) => ({ value, label: t(`settings.languages.${value}`) }))}
          onChange={(value) => value && void updateSettings({ language: value as Settings['language'] })}
        />
        <div>
          <Text size="sm" fw={500} id="theme-label" mb={4}>
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            aria-labelledby="theme-label"
            value={settings.theme}
            data={(['system', 'light', 'dark'] as const).map((value) => ({ value, label: t(`settings.themes.${value}`) }))}
            onChange={(value) => void updateSettings({ theme: value as Settings['theme'] })}
          />
        </div>
      </Stack>
    </Card>
  );
}

function AppInfoCard() {
  const { t } = useTranslation('system');
  const info = useCall('system.info', {});
  return (
    <Card withBorder component="section" aria-labelledby="app-title">
      <Title order={2} size="h4" id="app-title" mb="sm">
        {t('app.title')}
      </Title>
      {info.data ? (
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t('app.version')}</Table.Th>
              <Table.Td>{info.data.appVersion}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('app.transport')}</Table.Th>
              <Table.Td data-testid="transport">{t(`app.transports.${info.data.transport}`)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('app.platform')}</Table.Th>
              <Table.Td>
                {info.data.platform} ·{' '}
                {Object.entries(info.data.versions)
                  .map(([name, version]) => `${name} ${version}`)
                  .join(' · ')}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      ) : info.error ? (
        <ListFailed what={t('app.title')} message={info.error.message} onRetry={info.reload} />
      ) : (
        <ListLoading what={t('app.title')} />
      )}
    </Card>
  );
}

const storeProblemText = {
  corrupt: 'stores.corrupt',
  'newer-version': 'stores.newerVersion',
  'sync-failed': 'stores.syncFailed',
  imported: 'stores.imported',
} as const;

function StoreHealthCard() {
  const { t } = useTranslation('system');
  const problems = useCall('system.storeProblems', {});
  return (
    <Card withBorder component="section" aria-labelledby="stores-title">
      <Title order={2} size="h4" id="stores-title" mb="sm">
        {t('stores.title')}
      </Title>
      {problems.error ? <ListFailed what={t('stores.title')} message={problems.error.message} onRetry={problems.reload} /> : null}
      {!problems.data && !problems.error ? <ListLoading what={t('stores.title')} /> : null}
      {problems.data?.length === 0 ? <Text size="sm">{t('stores.healthy')}</Text> : null}
      <Stack gap="xs">
        {problems.data?.map((problem) => (
          <Alert key={problem.keptAs} color="orange" data-testid="store-problem">
            {t(storeProblemText[problem.kind], { ...problem })}
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}
