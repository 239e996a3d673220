import { Alert, Anchor, Button, CloseButton, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api/client';
import { useAccountsStore } from '../features/accounts/accounts-store';
import { NoSampleNotice } from './NoSampleNotice';
import { useNavigationStore } from './navigation-store';

const dismissedKey = 'ingest-desk.gettingStartedDismissed';

/** Tencent's consoles: the Chinese page opens the China site's, the English one the international site's. */
const consoles = {
  en: { cam: 'https://console.tencentcloud.com/cam/capi', trtc: 'https://console.tencentcloud.com/trtc/app' },
  'zh-CN': { cam: 'https://console.cloud.tencent.com/cam/capi', trtc: 'https://console.cloud.tencent.com/trtc/app' },
} as const;

function readDismissed(): boolean {
  try {
    return window.localStorage.getItem(dismissedKey) === 'yes';
  } catch {
    return false;
  }
}

/**
 * The getting-started card on Launch: the sample preset works on the sandbox at once; how to add a
 * real account and app. Shown until dismissed, and only while no app of the user's own exists.
 */
export function GettingStartedGuide() {
  const { t, i18n } = useTranslation();
  const go = useNavigationStore((state) => state.go);
  const hasOwnApp = useAccountsStore((state) => state.overview?.apps.some((app) => !app.sandbox) ?? false);
  const hasSandbox = useAccountsStore((state) => state.overview?.apps.some((app) => app.sandbox) ?? true);
  const [dismissed, setDismissed] = useState(readDismissed);
  // Where the shell cannot open a browser (the browser host), the address is shown to copy instead.
  const [shown, setShown] = useState<string | null>(null);
  if (dismissed || hasOwnApp) return null;

  const links = consoles[i18n.language === 'zh-CN' ? 'zh-CN' : 'en'];
  const open = async (url: string) => {
    const result = await invoke('system.openExternal', { url }).catch(() => ({ opened: false }));
    setShown(result.opened ? null : url);
  };
  const dismiss = () => {
    try {
      window.localStorage.setItem(dismissedKey, 'yes');
    } catch {
      // Storage may be disabled: hidden for this page only.
    }
    setDismissed(true);
  };

  return (
    <Alert color="grape" variant="light" component="section" role="region" aria-labelledby="guide-title" data-testid="getting-started">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap="xs">
          <Title order={3} size="h5" id="guide-title">
            {t('guide.title')}
          </Title>
          {hasSandbox ? <Text size="sm">{t('guide.sandbox')}</Text> : <NoSampleNotice />}
          <Text size="sm" fw={600}>
            {t('guide.realTitle')}
          </Text>
          <List type="ordered" size="sm" spacing={4}>
            <List.Item>{t('guide.step1')}</List.Item>
            <List.Item>{t('guide.step2')}</List.Item>
            <List.Item>{t('guide.step3')}</List.Item>
          </List>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconExternalLink size={14} aria-hidden />}
              onClick={() => void open(links.cam)}
            >
              {t('guide.openCam')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconExternalLink size={14} aria-hidden />}
              onClick={() => void open(links.trtc)}
            >
              {t('guide.openTrtc')}
            </Button>
            {/* The card's own text colour, underlined: the link colour on the tinted card fell below 4.5:1. */}
            <Anchor component="button" type="button" size="sm" c="inherit" underline="always" onClick={() => go('accounts')}>
              {t('guide.openAccounts')}
            </Anchor>
          </Group>
          {shown ? (
            <Text size="sm" role="status" data-testid="guide-link">
              {t('guide.linkRefused')} <Code>{shown}</Code>
            </Text>
          ) : null}
        </Stack>
        <CloseButton aria-label={t('guide.dismiss')} onClick={dismiss} />
      </Group>
    </Alert>
  );
}
