import { AppShell, Badge, Group, MantineProvider, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { Suspense, useEffect, useMemo } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { currentTransport } from '../api/client';
import { AppSwitcher } from '../features/accounts/AppSwitcher';
import { i18n, resolveLanguage } from '../i18n';
import { installFocusKeeper } from './focus-keeper';
import './notices.css';
import { KeyboardLayer } from './KeyboardLayer';
import { ListLoading } from './ListStates';
import { useNavigationStore } from './navigation-store';
import { PaletteButton } from './PaletteButton';
import { HelpButton } from './ShortcutsHelp';
import { StatusBar } from './StatusBar';
import { preloadScreens } from './screen-on-demand';
import { screens } from './screens';
import { useSettingsStore } from './settings-store';
import { cssVariablesResolver, themeFor } from './theme';
import { useTaskNotifications } from './use-task-notifications';

/** The status bar's height (notices.css keeps notices above it). */
const footerHeight = 34;

export function App() {
  const settings = useSettingsStore((state) => state.settings);
  const load = useSettingsStore((state) => state.load);

  // Normally loaded before the first render (first-screen-data.ts); again only if that did not finish.
  const loaded = settings !== null;
  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  useEffect(() => installFocusKeeper(), []);

  useEffect(() => {
    if (!settings) return;
    const language = resolveLanguage(settings.language, navigator.languages);
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [settings]);

  const scheme = settings?.theme;
  const language = settings ? resolveLanguage(settings.language, navigator.languages) : i18n.language;
  const theme = useMemo(() => themeFor(i18n.getFixedT(language)('dialog.close')), [language]);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="auto"
        forceColorScheme={scheme === 'light' || scheme === 'dark' ? scheme : undefined}
      >
        {/* Above the status bar, never over its running-tasks button (notices.css). */}
        <Notifications position="bottom-right" />
        {currentTransport() ? <Shell loaded={settings !== null} /> : <NoConnection />}
      </MantineProvider>
    </I18nextProvider>
  );
}

function Shell({ loaded }: { loaded: boolean }) {
  const { t } = useTranslation();
  const current = useNavigationStore((state) => state.current);
  const go = useNavigationStore((state) => state.go);
  const transportKind = currentTransport()?.kind;
  const screen = screens.find((candidate) => candidate.id === current) ?? screens[0];
  const Current = screen?.component;
  useTaskNotifications();

  useEffect(() => {
    preloadScreens(screens.map((candidate) => candidate.component));
  }, []);

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: 220, breakpoint: 0 }}
      footer={{ height: footerHeight }}
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
            <Badge variant="light">{transportKind ? t(`transport.${transportKind}`) : null}</Badge>
            <PaletteButton />
            <HelpButton />
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
              // Filled: the light variant's indigo on its hover tint measures 4.1:1, below AA.
              variant="filled"
              onClick={() => go(id)}
              aria-current={id === screen?.id ? 'page' : undefined}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<ListLoading what={t(screen?.label ?? 'nav.launch')} />}>{Current ? <Current /> : null}</Suspense>
      </AppShell.Main>
      <AppShell.Footer component="footer" aria-label={t('statusBar.label')}>
        <StatusBar />
      </AppShell.Footer>
      <KeyboardLayer />
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
