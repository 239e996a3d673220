import { Select, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { addProfileSchema, type ProfileView, type UpdateProfileInput, updateProfileSchema } from '../../../../shared/contract/accounts';
import { type Site, siteIds, sites } from '../../../../shared/trtc/sites';
import { invoke } from '../../api/client';
import { FormDialog } from '../../app/forms/FormDialog';
import { NewSecretInput } from '../../app/forms/NewSecretInput';
import { EndpointFields } from './EndpointFields';
import { contractResolver, emptyToUndefined } from './form-resolver';
import { useAction } from './use-action';

type AddValues = z.input<typeof addProfileSchema>;
export type ProfileFormValues = AddValues & { id?: string };

// Editing has no SecretId/SecretKey fields: those are set through the write-only secret field.
const toUpdateInput = ({ id, name, site, region, endpoint }: ProfileFormValues): UpdateProfileInput => ({
  id: id ?? '',
  name,
  site,
  region,
  endpoint,
});
const toAddInput = ({ id: _id, secretKey, ...rest }: ProfileFormValues): AddValues => ({ ...rest, secretKey: emptyToUndefined(secretKey) });

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
  const form = useForm<ProfileFormValues>({
    resolver: editing ? contractResolver(updateProfileSchema, toUpdateInput) : contractResolver(addProfileSchema, toAddInput),
    defaultValues: blank,
    mode: 'onTouched',
  });
  const { busy, run } = useAction();

  const close = () => {
    form.reset(blank);
    onClose();
  };

  useEffect(() => {
    if (!opened) return;
    form.reset(
      profile
        ? { ...blank, id: profile.id, name: profile.name, site: profile.site, region: profile.region, endpoint: profile.endpoint }
        : blank,
    );
  }, [opened, profile, form]);

  const site = form.watch('site') as Site;
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    const done = editing
      ? await run(() => invoke('accounts.updateProfile', toUpdateInput(values)), t('profiles.saved'))
      : await run(() => invoke('accounts.addProfile', toAddInput(values)), t('profiles.saved'));
    if (done) close();
  });

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      onSubmit={submit}
      busy={busy}
      title={editing ? t('profiles.formTitleEdit') : t('profiles.formTitleAdd')}
    >
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
          <NewSecretInput label={t('profiles.secretKey')} registration={form.register('secretKey')} error={errors.secretKey?.message} />
        </>
      ) : null}
      <EndpointFields form={form} />
    </FormDialog>
  );
}
