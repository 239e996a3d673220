import { Button, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LaunchSource } from '../../../../shared/contract/launch';
import type { PresetView } from '../../../../shared/contract/presets';
import { isRegionOfSite } from '../../../../shared/trtc/sites';
import { CallError, invoke } from '../../api/client';
import { useCall } from '../../api/use-call';
import { FormActions } from '../../app/forms/FormActions';
import { RequestPreview } from '../launch/RequestPreview';
import { useLaunch } from '../launch/use-launch';
import { Field } from './form/fields';
import { MediaSection } from './form/MediaSection';
import { OrganiseSection } from './form/OrganiseSection';
import { PlaybackSection } from './form/PlaybackSection';
import { TargetSection } from './form/TargetSection';
import { TicketsSection } from './form/TicketsSection';
import {
  checkPresetForm,
  emptyPresetForm,
  formFromPreset,
  type PresetFormValues,
  presetFormResolver,
  secretsFromForm,
} from './preset-form-model';

/** Create or edit a preset, see the exact request, save it, or launch it once without saving. */
export function PresetForm({ preset, onDone }: { preset: PresetView | null; onDone(): void }) {
  const { t } = useTranslation('presets');
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
        <TargetSection control={control} apps={apps} site={site} siteProblem={siteProblem} />
        <MediaSection control={control} kind={values.mediaKind} />
        <PlaybackSection control={control} />
        <TicketsSection control={control} values={values} pasted={preset?.secrets} />
        <OrganiseSection control={control} />
        <RequestPreview source={source} />

        <FormActions onCancel={onDone} busy={saving} submitLabel={t('actions.save')}>
          <Button variant="light" onClick={() => void launchOnce()} loading={busy} disabled={!formState.isValid && formState.isSubmitted}>
            {t('actions.launchOnce')}
          </Button>
          {preset ? (
            <Button variant="light" onClick={() => void save(true)} loading={saving}>
              {t('actions.saveAsNew')}
            </Button>
          ) : null}
        </FormActions>
      </Stack>
      {modal}
    </form>
  );
}
