import { Alert, Button, FileButton, Group, Stack, Tabs, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { ListFailed, ListLoading } from '../../app/ListStates';
import { AppsPanel } from './AppsPanel';
import { useAccountsStore } from './accounts-store';
import { ProfilesPanel } from './ProfilesPanel';
import { TicketTools } from './TicketTools';
import { useAction } from './use-action';

export function AccountsScreen() {
  const { t } = useTranslation('accounts');
  const overview = useAccountsStore((state) => state.overview);
  const error = useAccountsStore((state) => state.error);
  const load = useAccountsStore((state) => state.load);
  const transfer = useAction();

  useEffect(() => {
    void load();
  }, [load]);

  const exportFile = async () => {
    const file = await transfer.run(() => invoke('accounts.exportJson', {}));
    if (!file) return;
    const url = URL.createObjectURL(new Blob([file.json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.click();
    URL.revokeObjectURL(url);
  };
  const importFile = async (file: File | null) => {
    if (!file) return;
    const json = await file.text();
    const summary = await transfer.run(() => invoke('accounts.importJson', { json }));
    if (summary) {
      notifications.show({
        color: 'green',
        message: t('transfer.imported', { profiles: summary.profilesAdded, apps: summary.appsAdded, skipped: summary.skipped }),
      });
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={exportFile} loading={transfer.busy}>
            {t('transfer.export')}
          </Button>
          <FileButton onChange={importFile} accept="application/json,.json">
            {(props) => (
              <Button variant="default" size="xs" {...props}>
                {t('transfer.import')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Group>
      {overview?.keychainProblem ? (
        <Alert color="orange" data-testid="accounts-keychain-problem">
          {t(`keychainProblem.${overview.keychainProblem}`)}
        </Alert>
      ) : null}
      {error ? <ListFailed what={t('title')} message={error.message} onRetry={() => void load()} /> : null}
      {overview ? (
        <Tabs defaultValue="profiles" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="profiles">{t('tabs.profiles')}</Tabs.Tab>
            <Tabs.Tab value="apps">{t('tabs.apps')}</Tabs.Tab>
            <Tabs.Tab value="tools">{t('tabs.tools')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="profiles" pt="md">
            <ProfilesPanel profiles={overview.profiles} />
          </Tabs.Panel>
          <Tabs.Panel value="apps" pt="md">
            <AppsPanel apps={overview.apps} profiles={overview.profiles} />
          </Tabs.Panel>
          <Tabs.Panel value="tools" pt="md">
            <TicketTools apps={overview.apps} />
          </Tabs.Panel>
        </Tabs>
      ) : error ? null : (
        <ListLoading what={t('title')} />
      )}
    </Stack>
  );
}
