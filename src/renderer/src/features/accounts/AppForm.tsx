import { ColorInput, Group, NumberInput, Select, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  type AddAppInput,
  type AppView,
  addAppSchema,
  defaultAppDefaults,
  type ProfileView,
  type UpdateAppInput,
  updateAppSchema,
} from '../../../../shared/contract/accounts';
import { invoke } from '../../api/client';
import { FormDialog } from '../../app/forms/FormDialog';
import { NewSecretInput } from '../../app/forms/NewSecretInput';
import { NumberControl } from '../../app/forms/NumberControl';
import { contractResolver, emptyToUndefined } from './form-resolver';
import { useAction } from './use-action';

type FormValues = AddAppInput & { id?: string };

export const appSwatches = ['#4263eb', '#2f9e44', '#e8590c', '#c2255c', '#7048e8', '#1098ad', '#f08c00', '#495057'];

const toUpdateInput = ({ id, sdkAppId, label, colour, profileId, defaults }: FormValues): UpdateAppInput => ({
  id: id ?? '',
  sdkAppId,
  label,
  colour,
  profileId,
  defaults,
});
const toAddInput = ({ id: _id, sdkSecretKey, ...rest }: FormValues): AddAppInput => ({
  ...rest,
  sdkSecretKey: emptyToUndefined(sdkSecretKey),
});

interface AppFormProps {
  opened: boolean;
  app?: AppView;
  profiles: ProfileView[];
  onClose(): void;
  onSaved?(app: AppView): void;
}

/** Add or edit a TRTC app, validated with the contract's schemas; the SDK secret key only when adding. */
export function AppForm({ opened, app, profiles, onClose, onSaved }: AppFormProps) {
  const { t } = useTranslation('accounts');
  const editing = app !== undefined;
  const userProfiles = profiles.filter((profile) => profile.kind === 'user');
  const blank: FormValues = {
    sdkAppId: undefined as unknown as number,
    label: '',
    colour: appSwatches[0] ?? '#4263eb',
    profileId: userProfiles[0]?.id ?? '',
    defaults: defaultAppDefaults,
    sdkSecretKey: '',
  };
  const form = useForm<FormValues>({
    resolver: editing ? contractResolver(updateAppSchema, toUpdateInput) : contractResolver(addAppSchema, toAddInput),
    defaultValues: blank,
    mode: 'onTouched',
  });
  const { busy, run } = useAction();
  const errors = form.formState.errors;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens or the app changes
  useEffect(() => {
    if (!opened) return;
    form.reset(
      app
        ? {
            ...blank,
            id: app.id,
            sdkAppId: app.sdkAppId,
            label: app.label,
            colour: app.colour,
            profileId: app.profileId,
            defaults: app.defaults,
          }
        : blank,
    );
  }, [opened, app]);

  const close = () => {
    form.reset(blank);
    onClose();
  };

  const submit = form.handleSubmit(async (values) => {
    const saved = editing
      ? await run(() => invoke('accounts.updateApp', toUpdateInput(values)), t('apps.saved'))
      : await run(() => invoke('accounts.addApp', toAddInput(values)), t('apps.saved'));
    if (saved) {
      onSaved?.(saved);
      close();
    }
  });

  return (
    <FormDialog
      opened={opened}
      onClose={close}
      onSubmit={submit}
      busy={busy}
      title={editing ? t('apps.formTitleEdit') : t('apps.formTitleAdd')}
    >
      <Controller
        control={form.control}
        name="sdkAppId"
        render={({ field }) => (
          <NumberInput
            label={t('apps.sdkAppId')}
            withAsterisk
            allowDecimal={false}
            allowNegative={false}
            hideControls
            value={field.value ?? ''}
            onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
            onBlur={field.onBlur}
            error={errors.sdkAppId?.message}
          />
        )}
      />
      <TextInput label={t('apps.label')} withAsterisk {...form.register('label')} error={errors.label?.message} />
      <Controller
        control={form.control}
        name="colour"
        render={({ field }) => (
          <ColorInput
            label={t('apps.colour')}
            eyeDropperButtonProps={{ 'aria-label': t('apps.eyeDropper') }}
            format="hex"
            swatches={appSwatches}
            value={field.value}
            onChange={field.onChange}
            error={errors.colour?.message}
          />
        )}
      />
      <Controller
        control={form.control}
        name="profileId"
        render={({ field }) => (
          <Select
            label={t('apps.profile')}
            allowDeselect={false}
            data={userProfiles.map((profile) => ({ value: profile.id, label: profile.name }))}
            value={field.value || null}
            onChange={(value) => value && field.onChange(value)}
            error={errors.profileId?.message}
          />
        )}
      />
      {!editing ? (
        <NewSecretInput
          label={t('apps.sdkSecretKey')}
          hint={t('apps.sdkSecretKeyHint')}
          registration={form.register('sdkSecretKey')}
          error={errors.sdkSecretKey?.message}
        />
      ) : null}
      <Group grow align="flex-start">
        <TextInput
          label={t('apps.robotUserIdPrefix')}
          {...form.register('defaults.robotUserIdPrefix')}
          error={errors.defaults?.robotUserIdPrefix?.message}
        />
        <NumberControl
          control={form.control}
          name="defaults.userSigExpirySeconds"
          label={t('apps.userSigExpiry')}
          min={60}
          error={errors.defaults?.userSigExpirySeconds?.message}
        />
      </Group>
    </FormDialog>
  );
}
