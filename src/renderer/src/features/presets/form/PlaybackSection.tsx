import { Fieldset, Group, Select, SimpleGrid } from '@mantine/core';
import { type Control, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { tempoValues } from '../../../../../shared/trtc/requests';
import type { PresetFormValues } from '../preset-form-model';
import { NumberField, SwitchField, useFieldError } from './fields';

/** How it plays: loops and their bound, volume, start offset, tempo, idle timeout, auto-push and progress. */
export function PlaybackSection({ control }: { control: Control<PresetFormValues> }) {
  const { t } = useTranslation('presets');
  const errorOf = useFieldError();
  return (
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
              error={errorOf(fieldState.error)}
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
  );
}
