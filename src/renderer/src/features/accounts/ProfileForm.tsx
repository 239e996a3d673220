import { Button, Checkbox, Group, Modal, NumberInput, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { addProfileSchema, type ProfileView, type UpdateProfileInput, updateProfileSchema } from '../../../../shared/contract/accounts';
import { type Site, siteIds, sites } from '../../../../shared/trtc/sites';
import { invoke } from '../../api/client';
import { contractResolver, emptyToUndefined } from './form-resolver';
import { useAction } from './use-action';

type AddValues = z.input<typeof addProfileSchema>;
type FormValues = AddValues & { id?: string };

// Editing has no SecretId/SecretKey fields: those are set through the write-only secret field.
const toUpdateInput = ({ id, name, site, region, endpoint }: FormValues): UpdateProfileInput => ({
  id: id ?? '',
  name,
  site,
  region,
  endpoint,
});
const toAddInput = ({ id: _id, secretKey, ...rest }: FormValues): AddValues => ({ ...rest, secretKey: emptyToUndefined(secretKey) });

interface ProfileFormProps {
  opened: boolean;
  /** The profile to edit; undefined to add one. */
  profile?: ProfileView;
  onClose(): void;
}

const blank: AddValues = { name: '', site: 'international', region: 'ap-singapore', endpoint: null, secretId: '', secretKey: '' };

/** Add or edit a profile. Validated with the contract's own schemas; secrets only when adding. */
export function ProfileForm({ opened, profile, onClose }: ProfileFormProps) {
  const { t } = useTranslation('accounts');
  const editing = profile !== undefined;
  const form = useForm<FormValues>({
    resolver: editing ? contractResolver(updateProfileSchema, toUpdateInput) : contractResolver(addProfileSchema, toAddInput),
    defaultValues: blank,
    mode: 'onTouched',
  });
  const { busy, run } = useAction();

  useEffect(() => {
    if (!opened) return;
    form.reset(
      profile
        ? { ...blank, id: profile.id, name: profile.name, site: profile.site, region: profile.region, endpoint: profile.endpoint }
        : blank,
    );
  }, [opened, profile, form]);

  const site = form.watch('site') as Site;
  const endpoint = form.watch('endpoint');
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    const done = editing
      ? await run(() => invoke('accounts.updateProfile', toUpdateInput(values)), t('profiles.saved'))
      : await run(() => invoke('accounts.addProfile', toAddInput(values)), t('profiles.saved'));
    if (done) {
      form.reset(blank);
      onClose();
    }
  });

  const close = () => {
    form.reset(blank);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={editing ? t('profiles.formTitleEdit') : t('profiles.formTitleAdd')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.cancel') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('profiles.name')} withAsterisk {...form.register('name')} error={errors.name?.message} />
          <Controller
            control={form.control}
            name="site"
            render={({ field }) => (
              <Select
                label={t('profiles.site')}
                allowDeselect={false}
                data={siteIds.map((id) => ({ value: id, label: t(`profiles.sites.${id}`) }))}
                value={field.value}
                onChange={(value) => {
                  if (!value) return;
                  field.onChange(value);
                  const regions = sites[value as Site].regions as readonly string[];
                  if (!regions.includes(form.getValues('region'))) form.setValue('region', regions[0] ?? '');
                }}
              />
            )}
          />
          <Controller
            control={form.control}
            name="region"
            render={({ field }) => (
              <Select
                label={t('profiles.region')}
                allowDeselect={false}
                searchable
                data={[...sites[site].regions]}
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                error={errors.region?.message}
              />
            )}
          />
          {!editing ? (
            <>
              <TextInput
                label={t('profiles.secretId')}
                withAsterisk
                autoComplete="off"
                {...form.register('secretId')}
                error={errors.secretId?.message}
              />
              <PasswordInput
                label={t('profiles.secretKey')}
                description={t('secret.writeOnly')}
                autoComplete="new-password"
                {...form.register('secretKey')}
                error={errors.secretKey?.message}
              />
            </>
          ) : null}
          <Checkbox
            label={t('profiles.customEndpoint')}
            checked={endpoint !== null}
            onChange={(event) =>
              form.setValue('endpoint', event.currentTarget.checked ? { scheme: 'https', host: '', port: 443 } : null, {
                shouldValidate: false,
              })
            }
          />
          {endpoint !== null ? (
            <Stack gap="xs">
              <Group grow align="flex-start">
                <Controller
                  control={form.control}
                  name="endpoint.scheme"
                  render={({ field }) => (
                    <Select
                      label={t('profiles.scheme')}
                      allowDeselect={false}
                      data={['https', 'http']}
                      value={field.value}
                      onChange={(value) => value && field.onChange(value)}
                    />
                  )}
                />
                <TextInput label={t('profiles.host')} {...form.register('endpoint.host')} error={errors.endpoint?.host?.message} />
                <Controller
                  control={form.control}
                  name="endpoint.port"
                  render={({ field }) => (
                    <NumberInput
                      label={t('profiles.port')}
                      min={1}
                      max={65535}
                      allowDecimal={false}
                      value={field.value}
                      onChange={(value) => field.onChange(typeof value === 'number' ? value : Number(value))}
                      error={errors.endpoint?.port?.message}
                    />
                  )}
                />
              </Group>
              <Text size="xs" c="dimmed">
                {t('profiles.endpointNote')}
              </Text>
            </Stack>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
