import { Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberControl } from '../../app/forms/NumberControl';
import type { ProfileFormValues } from './ProfileForm';

/** A profile's custom endpoint (a proxy or a local stand-in): off by default, then scheme, host and port. */
export function EndpointFields({ form }: { form: UseFormReturn<ProfileFormValues> }) {
  const { t } = useTranslation('accounts');
  const endpoint = form.watch('endpoint');
  const errors = form.formState.errors;
  return (
    <>
      <Checkbox
        label={t('profiles.customEndpoint')}
        checked={endpoint !== null}
        onChange={(event) =>
          form.setValue('endpoint', event.currentTarget.checked ? { scheme: 'https', host: '', port: 443 } : null, {
            shouldValidate: false,
          })
        }
      />
      {endpoint !== null ? (
        <Stack gap="xs">
          <Group grow align="flex-start">
            <Controller
              control={form.control}
              name="endpoint.scheme"
              render={({ field }) => (
                <Select
                  label={t('profiles.scheme')}
                  allowDeselect={false}
                  data={['https', 'http']}
                  value={field.value}
                  onChange={(value) => value && field.onChange(value)}
                />
              )}
            />
            <TextInput label={t('profiles.host')} {...form.register('endpoint.host')} error={errors.endpoint?.host?.message} />
            <NumberControl
              control={form.control}
              name="endpoint.port"
              label={t('profiles.port')}
              min={1}
              max={65535}
              error={errors.endpoint?.port?.message}
            />
          </Group>
          <Text size="xs" c="dimmed">
            {t('profiles.endpointNote')}
          </Text>
        </Stack>
      ) : null}
    </>
  );
}
