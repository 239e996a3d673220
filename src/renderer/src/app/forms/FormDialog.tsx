import { Modal, Stack } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';

/** An add/edit dialog: the form's fields in a column, Cancel and Save below; closing is cancelling. */
export function FormDialog({
  opened,
  title,
  onClose,
  onSubmit,
  busy,
  children,
}: {
  opened: boolean;
  title: string;
  onClose(): void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common:actions.cancel') }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {children}
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
