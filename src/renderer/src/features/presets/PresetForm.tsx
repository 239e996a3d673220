import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { type Control, Controller, type FieldPath, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AccountsOverview } from '../../../../shared/contract/accounts';
import type { LaunchSource } from '../../../../shared/contract/launch';
import type { MediaEntry } from '../../../../shared/contract/media';
import { type PresetView, privilegeBits } from '../../../../shared/contract/presets';
import { tempoValues } from '../../../../shared/trtc/requests';
import { isRegionOfSite, type Site, sites } from '../../../../shared/trtc/sites';
import { CallError, invoke } from '../../api/client';
import { useCall } from '../../api/use-call';
import { RequestPreview } from '../launch/RequestPreview';
import { useLaunch } from '../launch/use-launch';
import {
  checkPresetForm,
  emptyPresetForm,
  formFromPreset,
  type PresetFormValues,
  presetFormResolver,
  secretsFromForm,
} from './preset-form-model';

const allRegions = [...new Set([...sites.china.regions, ...sites.international.regions])].sort();

/** The regions of the app's site; all of them while the app is unknown. A stored value always stays listed. */
function regionsFor(site: Site | undefined, current: string): string[] {
  const regions: string[] = site ? [...sites[site].regions] : allRegions;
  return current && !regions.includes(current) ? [...regions, current] : regions;
}

/** The apps set up under Accounts; an SdkAppId no app has (an imported preset) stays listed, marked. */
function appOptions(overview: AccountsOverview | undefined, current: number | '', notSetUp: string) {
  const options = (overview?.apps ?? []).map((app) => ({ value: String(app.sdkAppId), label: `${app.label} (${app.sdkAppId})` }));
  if (current !== '' && !options.some((option) => option.value === String(current))) {
    options.push({ value: String(current), label: `${current} · ${notSetUp}` });
  }
  return options;
}

/** Library entries by name (the URL when unnamed). */
export function mediaOptionsOf(entries: MediaEntry[]): { value: string; label: string }[] {
  return entries.map((entry) => ({ value: entry.id, label: entry.name || entry.url }));
}

/** Create or edit a preset, see the exact request, save it, or launch it once without saving. */
export function PresetForm({ preset, onDone }: { preset: PresetView | null; onDone(): void }) {
  const { t } = useTranslation('presets');
  const library = useCall('media.list', {}).data;
  const mediaOptions = useMemo(() => mediaOptionsOf(library ?? []), [library]);
  const { control, handleSubmit, formState, setValue, getValues } = useForm<PresetFormValues>({
    defaultValues: preset ? formFromPreset(preset) : emptyPresetForm,
    resolver: presetFormResolver,
    mode: 'onChange',
  });
  const values = useWatch({ control }) as PresetFormValues;
  const [saving, setSaving] = useState(false);
  const { launch, busy, modal } = useLaunch();
  const apps = useCall('accounts.overview', {}).data;
  const chosenApp = apps?.apps.find((app) => app.sdkAppId === values.sdkAppId);
  const site = chosenApp ? apps?.profiles.find((profile) => profile.id === chosenApp.profileId)?.site : undefined;
  // A new preset starts on the first app (the built-in sandbox on a fresh install) and its profile's region.
  const firstApp = apps?.apps[0];
  const firstRegion = firstApp ? apps?.profiles.find((profile) => profile.id === firstApp.profileId)?.region : undefined;
  useEffect(() => {
    if (preset || !firstApp || getValues('sdkAppId') !== '') return;
    setValue('sdkAppId', firstApp.sdkAppId, { shouldValidate: true });
    if (firstRegion) setValue('region', firstRegion, { shouldValidate: true });
  }, [preset, firstApp, firstRegion, setValue, getValues]);
  // The region must belong to the app's site (the shared request schema says the same in main).
  const siteProblem = site && values.region && !isRegionOfSite(site, values.region) ? t('requests:region.notOfSite') : undefined;

  // The preview follows the form: main builds it only once the form is valid.
  const source = useMemo<LaunchSource | null>(() => {
    const { draft } = checkPresetForm(values);
    return draft ? { kind: 'draft', draft, secrets: secretsFromForm(values) } : null;
  }, [values]);

  const save = (asNew: boolean) =>
    handleSubmit(async (submitted) => {
      const { draft } = checkPresetForm(submitted);
      if (!draft) return;
      setSaving(true);
      try {
        const secrets = secretsFromForm(submitted);
        const saved =
          preset && !asNew
            ? await invoke('presets.update', { id: preset.id, draft, secrets })
            : await invoke('presets.create', { draft, secrets });
        notifications.show({ color: 'green', message: t('saved', { name: saved.name }) });
        onDone();
      } catch (error) {
        const data = error instanceof CallError ? error.data : null;
        notifications.show({
          color: 'red',
          title: t(`common:errors.${data?.code ?? 'INTERNAL'}`),
          message: data?.message ?? String(error),
        });
      } finally {
        setSaving(false);
      }
    })();

  const launchOnce = () =>
    handleSubmit(async (submitted) => {
      const { draft } = checkPresetForm(submitted);
      if (draft) await launch({ kind: 'draft', draft, secrets: secretsFromForm(submitted) });
    })();

  const pasted = preset?.secrets;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save(false);
      }}
      aria-label={preset ? t('form.titleEdit') : t('form.titleNew')}
    >
      <Stack>
        <Field control={control} name="name" label={t('form.name')} />
        <Fieldset legend={t('form.sections.target')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={control}
              name="sdkAppId"
              render={({ field, fieldState }) => (
                <Select
                  label={t('form.sdkAppId')}
                  data={appOptions(apps, field.value, t('form.appNotSetUp'))}
                  searchable
                  nothingFoundMessage={t('form.noApps')}
                  value={field.value === '' ? null : String(field.value)}
                  onChange={(value) => field.onChange(value ? Number(value) : '')}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
                />
              )}
            />
            <Controller
              control={control}
              name="region"
              render={({ field, fieldState }) => (
                <Select
                  label={t('form.region')}
                  data={regionsFor(site, field.value)}
                  searchable
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message ? t(fieldState.error.message) : siteProblem}
                />
              )}
            />
            <Controller
              control={control}
              name="roomIdType"
              render={({ field }) => (
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="room-type-label">
                    {t('form.roomIdType')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="room-type-label"
                    value={field.value}
                    onChange={field.onChange}
                    data={[
                      { value: '1', label: t('form.roomIdTypes.integer') },
                      { value: '0', label: t('form.roomIdTypes.string') },
                    ]}
                  />
                </Stack>
              )}
            />
            <Field control={control} name="roomId" label={t('form.roomId')} />
            <Field control={control} name="userId" label={t('form.userId')} description={t('form.userIdHint')} />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('form.sections.media')}>
          <Stack>
            <Controller
              control={control}
              name="mediaKind"
              render={({ field }) => (
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="media-kind-label">
                    {t('form.mediaKind')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="media-kind-label"
                    value={field.value}
                    onChange={field.onChange}
                    data={[
                      { value: 'url', label: t('form.mediaKinds.url') },
                      { value: 'library', label: t('form.mediaKinds.library') },
                    ]}
                  />
                </Stack>
              )}
            />
            {values.mediaKind === 'url' ? (
              <Field control={control} name="mediaUrl" label={t('form.mediaUrl')} />
            ) : (
              <Controller
                control={control}
                name="mediaEntryId"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('form.mediaEntry')}
                    data={mediaOptions}
                    searchable
                    nothingFoundMessage={t('form.mediaEntryNone')}
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
                  />
                )}
              />
            )}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('form.sections.playback')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberField
              control={control}
              name="repeatNum"
              label={t('form.repeatNum')}
              description={t('form.repeatNumHint')}
              min={-1}
              max={1000}
            />
            <NumberField
              control={control}
              name="maxDuration"
              label={t('form.maxDuration')}
              description={t('form.maxDurationHint')}
              min={1}
              max={10080}
            />
            <NumberField control={control} name="volume" label={t('form.volume')} min={0} max={200} />
            <NumberField control={control} name="seekSecond" label={t('form.seekSecond')} min={0} />
            <Controller
              control={control}
              name="tempo"
              render={({ field, fieldState }) => (
                <Select
                  label={t('form.tempo')}
                  data={tempoValues.map((value) => ({ value: String(value), label: `${value}×` }))}
                  value={field.value}
                  allowDeselect={false}
                  onChange={(value) => field.onChange(value ?? '1')}
                  error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
                />
              )}
            />
            <NumberField
              control={control}
              name="idleTimeout"
              label={t('form.idleTimeout')}
              description={t('form.idleTimeoutHint')}
              min={0}
              max={600}
            />
          </SimpleGrid>
          <Group mt="sm">
            <SwitchField control={control} name="autoPush" label={t('form.autoPush')} />
            <SwitchField control={control} name="enableProgress" label={t('form.enableProgress')} />
          </Group>
        </Fieldset>

        <Fieldset legend={t('form.sections.tickets')}>
          <Stack>
            <ModeField
              control={control}
              name="userSigMode"
              label={t('form.userSigMode')}
              options={(['generate', 'paste'] as const).map((value) => ({ value, label: t(`form.userSigModes.${value}`) }))}
            />
            {values.userSigMode === 'generate' ? (
              <NumberField control={control} name="userSigExpiry" label={t('form.userSigExpiry')} min={60} />
            ) : (
              <SecretField control={control} name="pastedUserSig" label={t('form.pastedUserSig')} held={pasted?.userSig} />
            )}
            <ModeField
              control={control}
              name="privateMapKeyMode"
              label={t('form.privateMapKeyMode')}
              options={(['none', 'generate', 'paste'] as const).map((value) => ({ value, label: t(`form.privateMapKeyModes.${value}`) }))}
            />
            {values.privateMapKeyMode === 'generate' ? (
              <>
                <NumberField control={control} name="privateMapKeyExpiry" label={t('form.privateMapKeyExpiry')} min={60} />
                <PrivilegesField control={control} />
              </>
            ) : null}
            {values.privateMapKeyMode === 'paste' ? (
              <SecretField
                control={control}
                name="pastedPrivateMapKey"
                label={t('form.pastedPrivateMapKey')}
                held={pasted?.privateMapKey}
              />
            ) : null}
          </Stack>
        </Fieldset>

        <Fieldset legend={t('form.sections.organise')}>
          <Stack>
            <Controller
              control={control}
              name="notes"
              render={({ field, fieldState }) => (
                <Textarea
                  label={t('form.notes')}
                  autosize
                  minRows={2}
                  {...field}
                  error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
                />
              )}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={control}
                name="tags"
                render={({ field, fieldState }) => (
                  <TagsInput
                    label={t('form.tags')}
                    value={field.value}
                    onChange={field.onChange}
                    error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
                  />
                )}
              />
              <Field control={control} name="folder" label={t('form.folder')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <RequestPreview source={source} />

        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button variant="light" onClick={() => void launchOnce()} loading={busy} disabled={!formState.isValid && formState.isSubmitted}>
            {t('actions.launchOnce')}
          </Button>
          {preset ? (
            <Button variant="light" onClick={() => void save(true)} loading={saving}>
              {t('actions.saveAsNew')}
            </Button>
          ) : null}
          <Button type="submit" loading={saving}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
      {modal}
    </form>
  );
}

interface FieldProps<N extends FieldPath<PresetFormValues>> {
  control: Control<PresetFormValues>;
  name: N;
  label: string;
  description?: string;
}

function Field({ control, name, label, description }: FieldProps<'name' | 'roomId' | 'userId' | 'mediaUrl' | 'folder'>) {
  const { t } = useTranslation('presets');
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TextInput
          label={label}
          description={description}
          {...field}
          error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
        />
      )}
    />
  );
}

type NumberName =
  | 'sdkAppId'
  | 'repeatNum'
  | 'maxDuration'
  | 'volume'
  | 'seekSecond'
  | 'idleTimeout'
  | 'userSigExpiry'
  | 'privateMapKeyExpiry';

function NumberField({ control, name, label, description, min, max }: FieldProps<NumberName> & { min?: number; max?: number }) {
  const { t } = useTranslation('presets');
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          description={description}
          min={min}
          max={max}
          allowDecimal={false}
          clampBehavior="none"
          value={field.value}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : value === '' || value === '-' ? '' : Number(value))}
          onBlur={field.onBlur}
          error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
        />
      )}
    />
  );
}

function SwitchField({ control, name, label }: FieldProps<'autoPush' | 'enableProgress'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Switch label={label} checked={field.value} onChange={(event) => field.onChange(event.currentTarget.checked)} />
      )}
    />
  );
}

function ModeField({
  control,
  name,
  label,
  options,
}: FieldProps<'userSigMode' | 'privateMapKeyMode'> & { options: { value: string; label: string }[] }) {
  const id = `${name}-label`;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Stack gap={4}>
          <Text size="sm" fw={500} id={id}>
            {label}
          </Text>
          <SegmentedControl aria-labelledby={id} value={field.value} onChange={field.onChange} data={options} />
        </Stack>
      )}
    />
  );
}

/** A write-only field: what is typed goes to the keychain on save; a stored value is never shown. */
function SecretField({
  control,
  name,
  label,
  held,
}: FieldProps<'pastedUserSig' | 'pastedPrivateMapKey'> & { held: boolean | null | undefined }) {
  const { t } = useTranslation('presets');
  const description = held === true ? t('form.pastedSecretSet') : held === null ? t('form.pastedSecretUnknown') : undefined;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <PasswordInput
          label={label}
          description={description}
          autoComplete="off"
          {...field}
          error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
        />
      )}
    />
  );
}

function PrivilegesField({ control }: { control: Control<PresetFormValues> }) {
  const { t } = useTranslation('presets');
  return (
    <Controller
      control={control}
      name="privileges"
      render={({ field, fieldState }) => (
        <Checkbox.Group
          label={t('form.privileges')}
          value={Object.entries(privilegeBits)
            .filter(([, bit]) => (field.value & bit) !== 0)
            .map(([name]) => name)}
          onChange={(names) =>
            field.onChange(names.reduce((bits, name) => bits | (privilegeBits[name as keyof typeof privilegeBits] ?? 0), 0))
          }
          error={fieldState.error?.message ? t(fieldState.error.message) : undefined}
        >
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
            {Object.keys(privilegeBits).map((name) => (
              <Checkbox key={name} value={name} label={t(`form.privilegeNames.${name as keyof typeof privilegeBits}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
    />
  );
}
