import { NumberInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type Control, Controller, type FieldError, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { PresetFormValues } from '../preset-form-model';

/** The preset form's field blocks: each one field of the flat form, its error translated from the model's key. */
export interface FieldProps<N extends FieldPath<PresetFormValues>> {
  control: Control<PresetFormValues>;
  name: N;
  label: string;
  description?: string;
}

/** The model's messages are i18n keys. */
export function useFieldError(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation('presets');
  return (error) => (error?.message ? t(error.message) : undefined);
}

export function Field({ control, name, label, description }: FieldProps<'name' | 'roomId' | 'userId' | 'mediaUrl' | 'folder'>) {
  const errorOf = useFieldError();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => <TextInput label={label} description={description} {...field} error={errorOf(fieldState.error)} />}
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

export function NumberField({ control, name, label, description, min, max }: FieldProps<NumberName> & { min?: number; max?: number }) {
  const errorOf = useFieldError();
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
          // An emptied box (or a lone minus sign) is "not set", which the model tells from 0.
          onChange={(value) => field.onChange(typeof value === 'number' ? value : value === '' || value === '-' ? '' : Number(value))}
          onBlur={field.onBlur}
          error={errorOf(fieldState.error)}
        />
      )}
    />
  );
}

export function SwitchField({ control, name, label }: FieldProps<'autoPush' | 'enableProgress'>) {
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

/** One of a few choices side by side, labelled for screen readers by its visible caption. */
export function ChoiceField({
  control,
  name,
  label,
  options,
}: FieldProps<'roomIdType' | 'mediaKind' | 'userSigMode' | 'privateMapKeyMode'> & { options: { value: string; label: string }[] }) {
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
