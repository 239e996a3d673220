import { PasswordInput } from '@mantine/core';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/**
 * A secret typed while adding an account or app: goes to the keychain on save and is never shown
 * again (later it is only set, replaced or cleared, see SecretField).
 */
export function NewSecretInput({
  label,
  hint,
  registration,
  error,
}: {
  label: string;
  hint?: string;
  registration: UseFormRegisterReturn;
  error: string | undefined;
}) {
  const { t } = useTranslation('accounts');
  const writeOnly = t('secret.writeOnly');
  return (
    <PasswordInput
      label={label}
      description={hint ? `${hint} ${writeOnly}` : writeOnly}
      autoComplete="new-password"
      {...registration}
      error={error}
    />
  );
}
