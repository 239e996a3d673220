import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A form's footer: Cancel, any further actions, then the submit button (Save unless told). */
export function FormActions({
  onCancel,
  busy,
  submitLabel,
  children,
}: {
  onCancel(): void;
  busy: boolean;
  submitLabel?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common:actions.cancel')}
      </Button>
      {children}
      <Button type="submit" loading={busy}>
        {submitLabel ?? t('common:actions.save')}
      </Button>
    </Group>
  );
}
