import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTestResult, ProfileView } from '../../../../shared/contract/accounts';
import { sites } from '../../../../shared/trtc/sites';
import { invoke } from '../../api/client';
import { ConnectionResult } from './ConnectionResult';
import { EditDeleteButtons } from './EditDeleteButtons';
import { ProfileForm } from './ProfileForm';
import { SecretField } from './SecretField';
import { useAction } from './use-action';

export function ProfilesPanel({ profiles }: { profiles: ProfileView[] }) {
  const { t } = useTranslation('accounts');
  const [form, setForm] = useState<{ open: boolean; profile?: ProfileView }>({ open: false });
  return (
    <Stack>
      <Group>
        <Button onClick={() => setForm({ open: true })}>{t('profiles.add')}</Button>
      </Group>
      {profiles.length === 0 ? <Text>{t('profiles.empty')}</Text> : null}
      {profiles.map((profile) => (
        <ProfileCard key={profile.id} profile={profile} onEdit={() => setForm({ open: true, profile })} />
      ))}
      <ProfileForm opened={form.open} profile={form.profile} onClose={() => setForm({ open: false })} />
    </Stack>
  );
}

function ProfileCard({ profile, onEdit }: { profile: ProfileView; onEdit(): void }) {
  const { t } = useTranslation('accounts');
  const [result, setResult] = useState<ConnectionTestResult | null>(null);
  const testing = useAction();
  const sandbox = profile.kind === 'sandbox';
  const titleId = `profile-${profile.id}`;
  const endpoint = sandbox
    ? t('sandbox.explain')
    : profile.endpoint
      ? `${profile.endpoint.scheme}://${profile.endpoint.host}:${profile.endpoint.port}`
      : sites[profile.site].endpoint;

  const test = async () => {
    setResult(null);
    const value = await testing.run(() => invoke('accounts.testConnection', { profileId: profile.id }));
    if (value) setResult(value);
  };

  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="profile-card" data-profile-id={profile.id}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {profile.name}
          </Title>
          {sandbox ? <Badge color="grape">{t('sandbox.badge')}</Badge> : null}
          <Badge variant="light">{t(`profiles.sites.${profile.site}`)}</Badge>
          <Badge variant="outline">{profile.region}</Badge>
          {/* Without its SecretKey nothing can be signed: say so where the profile is chosen. */}
          {profile.hasSecretKey === false ? (
            <Badge color="red.9" variant="filled" data-testid="profile-incomplete">
              {t('profiles.incomplete')}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlugConnected size={16} />}
            onClick={test}
            loading={testing.busy}
            aria-label={`${t('test.action')}: ${profile.name}`}
          >
            {t('test.action')}
          </Button>
          {!sandbox ? (
            <EditDeleteButtons
              name={profile.name}
              labels={{
                edit: t('profiles.edit'),
                delete: t('profiles.delete'),
                confirmDelete: t('profiles.confirmDelete', { name: profile.name }),
                deleted: t('profiles.deleted'),
              }}
              onEdit={onEdit}
              remove={() => invoke('accounts.deleteProfile', { id: profile.id })}
            />
          ) : null}
        </Group>
      </Group>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('profiles.defaultEndpoint')}: {endpoint}
        </Text>
        <Text size="sm" data-testid="secret-id-last4">
          {t('profiles.secretIdEnding', { last4: profile.secretIdLast4 })}
        </Text>
        {!sandbox ? (
          <SecretField
            label={t('profiles.secretKey')}
            isSet={profile.hasSecretKey}
            withSecretId
            testId="profile-secret"
            onSave={(secretKey, secretId) =>
              invoke('accounts.setProfileSecret', { id: profile.id, secretKey, ...(secretId ? { secretId } : {}) })
            }
            onClear={() => invoke('accounts.clearProfileSecret', { id: profile.id })}
          />
        ) : null}
        {result ? <ConnectionResult result={result} /> : null}
      </Stack>
    </Card>
  );
}
