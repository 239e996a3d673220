import { AppShell, Badge, Group, MantineProvider, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { transport } from '../api/client';
import { AppSwitcher } from '../features/accounts/AppSwitcher';
import { i18n, resolveLanguage } from '../i18n';
import { useNavigationStore } from './navigation-store';
import { StatusBar } from './StatusBar';
import { screens } from './screens';
import { useSettingsStore } from './settings-store';
import { cssVariablesResolver, theme } from './theme';
import { useTaskNotifications } from './use-task-notifications';

export function App() {
  const settings = useSettingsStore((state) => state.settings);
  const load = useSettingsStore((state) => state.load);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!settings) return;
    const language = resolveLanguage(settings.language, navigator.languages);
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [settings]);

  const scheme = settings?.theme;
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="auto"
        forceColorScheme={scheme === 'light' || scheme === 'dark' ? scheme : undefined}
      >
        <Notifications position="bottom-right" />
        {transport ? <Shell loaded={settings !== null} /> : <NoConnection />}
      </MantineProvider>
    </I18nextProvider>
  );
}

function Shell({ loaded }: { loaded: boolean }) {
  const { t } = useTranslation();
  const current = useNavigationStore((state) => state.current);
  const go = useNavigationStore((state) => state.go);
  const screen = screens.find((candidate) => candidate.id === current) ?? screens[0];
  const Current = screen?.component;
  useTaskNotifications();

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 220, breakpoint: 0 }}
      footer={{ height: 34 }}
      padding="md"
      data-app-state={loaded ? 'loaded' : 'loading'}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={1} size="h4">
            {t('appName')}
          </Title>
          <Group gap="sm">
            <AppSwitcher />
            <Badge variant="light">{transport?.kind}</Badge>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('appName')}>
        <ScrollArea>
          {screens.map(({ id, label, icon: Icon }) => (
            <NavLink
              key={id}
              component="button"
              data-screen={id}
              label={t(label)}
              leftSection={<Icon size={18} stroke={1.6} />}
              active={id === screen?.id}
              onClick={() => go(id)}
              aria-current={id === screen?.id ? 'page' : undefined}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>{Current ? <Current /> : null}</AppShell.Main>
      <AppShell.Footer component="footer" aria-label={t('statusBar.label')}>
        <StatusBar />
      </AppShell.Footer>
    </AppShell>
  );
}

function NoConnection() {
  const { t } = useTranslation();
  return (
    <Text p="xl" role="alert">
      {t('state.noConnection')}
    </Text>
  );
}
