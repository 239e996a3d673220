import { Fieldset, Select, Stack } from '@mantine/core';
import { useMemo } from 'react';
import { type Control, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { MediaEntry } from '../../../../../shared/contract/media';
import { useCall } from '../../../api/use-call';
import type { PresetFormValues } from '../preset-form-model';
import { ChoiceField, Field, useFieldError } from './fields';

/** Library entries by name (the URL when unnamed). */
function mediaOptionsOf(entries: MediaEntry[]): { value: string; label: string }[] {
  return entries.map((entry) => ({ value: entry.id, label: entry.name || entry.url }));
}

/** What plays: a URL typed here, or an entry of the media library (read when the form opens). */
export function MediaSection({ control, kind }: { control: Control<PresetFormValues>; kind: PresetFormValues['mediaKind'] }) {
  const { t } = useTranslation('presets');
  const errorOf = useFieldError();
  const library = useCall('media.list', {}).data;
  const mediaOptions = useMemo(() => mediaOptionsOf(library ?? []), [library]);
  return (
    <Fieldset legend={t('form.sections.media')}>
      <Stack>
        <ChoiceField
          control={control}
          name="mediaKind"
          label={t('form.mediaKind')}
          options={[
            { value: 'url', label: t('form.mediaKinds.url') },
            { value: 'library', label: t('form.mediaKinds.library') },
          ]}
        />
        {kind === 'url' ? (
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
                error={errorOf(fieldState.error)}
              />
            )}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
