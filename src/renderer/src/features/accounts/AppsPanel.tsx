import { Badge, Button, Card, Checkbox, ColorSwatch, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppView, ProfileView } from '../../../../shared/contract/accounts';
import { invoke } from '../../api/client';
import { useLiveConfirmStore } from '../launch/live-confirm-store';
import { AppForm } from './AppForm';
import { useSelectedAppStore } from './accounts-store';
import { EditDeleteButtons } from './EditDeleteButtons';
import { SecretField } from './SecretField';

export function AppsPanel({ apps, profiles }: { apps: AppView[]; profiles: ProfileView[] }) {
  const { t } = useTranslation('accounts');
  const [form, setForm] = useState<{ open: boolean; app?: AppView }>({ open: false });
  const select = useSelectedAppStore((state) => state.select);
  const canAdd = profiles.some((profile) => profile.kind === 'user');
  return (
    <Stack>
      <Group>
        <Button onClick={() => setForm({ open: true })} disabled={!canAdd}>
          {t('apps.add')}
        </Button>
        {!canAdd ? (
          <Text size="sm" c="dimmed">
            {t('apps.needProfile')}
          </Text>
        ) : null}
      </Group>
      {apps.length === 0 ? <Text>{t('apps.empty')}</Text> : null}
      {apps.map((app) => (
        <AppCard
          key={app.id}
          app={app}
          profile={profiles.find((profile) => profile.id === app.profileId)}
          onEdit={() => setForm({ open: true, app })}
        />
      ))}
      <AppForm
        opened={form.open}
        app={form.app}
        profiles={profiles}
        onClose={() => setForm({ open: false })}
        onSaved={(saved) => select(saved.id)}
      />
    </Stack>
  );
}

function AppCard({ app, profile, onEdit }: { app: AppView; profile: ProfileView | undefined; onEdit(): void }) {
  const { t } = useTranslation('accounts');
  const titleId = `app-${app.id}`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="app-card" data-app-id={app.id}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <ColorSwatch color={app.colour} size={16} aria-hidden />
          <Title order={3} size="h5" id={titleId}>
            {app.label}
          </Title>
          <Badge variant="light">
            {t('apps.sdkAppId')} {app.sdkAppId}
          </Badge>
          {app.sandbox ? <Badge color="grape">{t('sandbox.badge')}</Badge> : null}
        </Group>
        {!app.sandbox ? (
          <Group gap="xs">
            <EditDeleteButtons
              name={app.label}
              labels={{
                edit: t('apps.edit'),
                delete: t('apps.delete'),
                confirmDelete: t('apps.confirmDelete', { label: app.label }),
                deleted: t('apps.deleted'),
              }}
              onEdit={onEdit}
              remove={() => invoke('accounts.deleteApp', { id: app.id })}
            />
          </Group>
        ) : null}
      </Group>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('apps.profile')}: {profile?.name ?? '—'} · {t('apps.robotUserIdPrefix')}: {app.defaults.robotUserIdPrefix} ·{' '}
          {t('apps.userSigExpiry')}: {app.defaults.userSigExpirySeconds}
        </Text>
        {!app.sandbox ? (
          <SecretField
            label={t('apps.sdkSecretKey')}
            isSet={app.hasSdkSecretKey}
            testId="app-secret"
            onSave={(sdkSecretKey) => invoke('accounts.setAppSecret', { id: app.id, sdkSecretKey })}
            onClear={() => invoke('accounts.clearAppSecret', { id: app.id })}
          />
        ) : null}
        {!app.sandbox ? <AskFirst appId={app.id} /> : null}
      </Stack>
    </Card>
  );
}

/** The per-app setting the live confirmation's checkbox sets: undone here. Batches ask whatever it says. */
function AskFirst({ appId }: { appId: string }) {
  const { t } = useTranslation();
  const skipped = useLiveConfirmStore((state) => state.skipped.includes(appId));
  const setSkipped = useLiveConfirmStore((state) => state.setSkipped);
  return (
    <Checkbox
      size="sm"
      checked={!skipped}
      onChange={(event) => setSkipped(appId, !event.currentTarget.checked)}
      label={t('common:liveConfirm.askFirst')}
      data-testid="app-ask-first"
    />
  );
}
