import { Checkbox, Fieldset, PasswordInput, SimpleGrid, Stack } from '@mantine/core';
import { type Control, Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type PresetView, privilegeBits } from '../../../../../shared/contract/presets';
import type { PresetFormValues } from '../preset-form-model';
import { ChoiceField, type FieldProps, NumberField, useFieldError } from './fields';

/** The robot's tickets: UserSig generated or pasted; PrivateMapKey none, generated (with its privileges) or pasted. */
export function TicketsSection({
  control,
  values,
  pasted,
}: {
  control: Control<PresetFormValues>;
  values: Pick<PresetFormValues, 'userSigMode' | 'privateMapKeyMode'>;
  /** Whether the edited preset holds each pasted ticket in the keychain. */
  pasted: PresetView['secrets'] | undefined;
}) {
  const { t } = useTranslation('presets');
  return (
    <Fieldset legend={t('form.sections.tickets')}>
      <Stack>
        <ChoiceField
          control={control}
          name="userSigMode"
          label={t('form.userSigMode')}
          options={(['generate', 'paste'] as const).map((value) => ({ value, label: t(`form.userSigModes.${value}`) }))}
        />
        {values.userSigMode === 'generate' ? (
          <NumberField control={control} name="userSigExpiry" label={t('form.userSigExpiry')} min={60} />
        ) : (
          <PastedTicketField control={control} name="pastedUserSig" label={t('form.pastedUserSig')} held={pasted?.userSig} />
        )}
        <ChoiceField
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
          <PastedTicketField
            control={control}
            name="pastedPrivateMapKey"
            label={t('form.pastedPrivateMapKey')}
            held={pasted?.privateMapKey}
          />
        ) : null}
      </Stack>
    </Fieldset>
  );
}

/** A write-only field: what is typed goes to the keychain on save; a stored value is never shown. */
function PastedTicketField({
  control,
  name,
  label,
  held,
}: FieldProps<'pastedUserSig' | 'pastedPrivateMapKey'> & { held: boolean | null | undefined }) {
  const { t } = useTranslation('presets');
  const errorOf = useFieldError();
  const description = held === true ? t('form.pastedSecretSet') : held === null ? t('form.pastedSecretUnknown') : undefined;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <PasswordInput label={label} description={description} autoComplete="off" {...field} error={errorOf(fieldState.error)} />
      )}
    />
  );
}

function PrivilegesField({ control }: { control: Control<PresetFormValues> }) {
  const { t } = useTranslation('presets');
  const errorOf = useFieldError();
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
          error={errorOf(fieldState.error)}
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
