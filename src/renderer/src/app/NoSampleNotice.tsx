import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccountsStore } from '../features/accounts/accounts-store';

/** The headless Linux fix, the one a command can do; other platforms get their sentence. */
const linuxCommand =
  'dbus-run-session -- sh -c \'printf "%s" "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && npm run serve\'';

const stateOf = { KEYCHAIN_UNAVAILABLE: 'unavailable', KEYCHAIN_LOCKED: 'locked', KEYCHAIN_TIMEOUT: 'timeout' } as const;

/**
 * Without a keychain there is no Sandbox app and so no sample (their keys live in the keychain):
 * say so, and why, instead of promising a preset that is not there. Null while the keychain works.
 */
export function NoSampleNotice() {
  const { t } = useTranslation();
  const problem = useAccountsStore((state) => state.overview?.keychainProblem ?? null);
  const hasSandbox = useAccountsStore((state) => state.overview?.apps.some((app) => app.sandbox) ?? true);
  if (!problem && hasSandbox) return null;
  const platform = /mac/i.test(navigator.platform)
    ? 'darwin'
    : /win/i.test(navigator.platform)
      ? 'win32'
      : /linux/i.test(navigator.platform)
        ? 'linux'
        : 'other';
  return (
    <Stack gap="xs" data-testid="no-sample">
      <Text size="sm" fw={600}>
        {t('guide.noSample')}
      </Text>
      <Text size="sm">
        {t('guide.noSampleWhy', { state: t(`statusBar.keychainStates.${problem ? stateOf[problem] : 'unavailable'}`) })}{' '}
        {t(`system:keychain.guide.${platform}`)}
      </Text>
      {platform === 'linux' ? (
        <>
          <Text size="sm">{t('guide.noSampleCommand')}</Text>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', flex: 1 }} data-testid="no-sample-command">
              {linuxCommand}
            </Code>
            <CopyButton value={linuxCommand}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant="default" onClick={copy}>
                  {copied ? t('actions.copied') : t('actions.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </>
      ) : null}
      <Text size="sm">{t('guide.noSampleAfter')}</Text>
    </Stack>
  );
}
