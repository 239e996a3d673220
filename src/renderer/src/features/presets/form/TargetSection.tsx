import { Fieldset, Select, SimpleGrid } from '@mantine/core';
import { type Control, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AccountsOverview } from '../../../../../shared/contract/accounts';
import { type Site, sites } from '../../../../../shared/trtc/sites';
import type { PresetFormValues } from '../preset-form-model';
import { ChoiceField, Field, useFieldError } from './fields';

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

/** Where the stream goes: the app, its region (of the app's site), the room and the robot's user. */
export function TargetSection({
  control,
  apps,
  site,
  siteProblem,
}: {
  control: Control<PresetFormValues>;
  apps: AccountsOverview | undefined;
  site: Site | undefined;
  siteProblem: string | undefined;
}) {
  const { t } = useTranslation('presets');
  const errorOf = useFieldError();
  return (
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
              error={errorOf(fieldState.error)}
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
              error={errorOf(fieldState.error) ?? siteProblem}
            />
          )}
        />
        <ChoiceField
          control={control}
          name="roomIdType"
          label={t('form.roomIdType')}
          options={[
            { value: '1', label: t('form.roomIdTypes.integer') },
            { value: '0', label: t('form.roomIdTypes.string') },
          ]}
        />
        <Field control={control} name="roomId" label={t('form.roomId')} />
        <Field control={control} name="userId" label={t('form.userId')} description={t('form.userIdHint')} />
      </SimpleGrid>
    </Fieldset>
  );
}
