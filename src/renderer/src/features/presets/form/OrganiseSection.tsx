import { Fieldset, SimpleGrid, Stack, TagsInput, Textarea } from '@mantine/core';
import { type Control, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PresetFormValues } from '../preset-form-model';
import { Field, useFieldError } from './fields';

/** Notes, tags and folder: how the producer finds the preset again. */
export function OrganiseSection({ control }: { control: Control<PresetFormValues> }) {
  const { t } = useTranslation('presets');
  const errorOf = useFieldError();
  return (
    <Fieldset legend={t('form.sections.organise')}>
      <Stack>
        <Controller
          control={control}
          name="notes"
          render={({ field, fieldState }) => (
            <Textarea label={t('form.notes')} autosize minRows={2} {...field} error={errorOf(fieldState.error)} />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="tags"
            render={({ field, fieldState }) => (
              <TagsInput label={t('form.tags')} value={field.value} onChange={field.onChange} error={errorOf(fieldState.error)} />
            )}
          />
          <Field control={control} name="folder" label={t('form.folder')} />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
