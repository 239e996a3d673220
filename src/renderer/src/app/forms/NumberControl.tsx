import { NumberInput } from '@mantine/core';
import { type Control, Controller, type FieldPath, type FieldValues } from 'react-hook-form';

/** A whole number field of a react-hook-form form (an emptied box reads as 0, which the schema then refuses). */
export function NumberControl<V extends FieldValues>({
  control,
  name,
  label,
  min,
  max,
  error,
}: {
  control: Control<V>;
  name: FieldPath<V>;
  label: string;
  min?: number;
  max?: number;
  error: string | undefined;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <NumberInput
          label={label}
          min={min}
          max={max}
          allowDecimal={false}
          value={field.value}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : Number(value))}
          error={error}
        />
      )}
    />
  );
}
