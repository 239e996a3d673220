import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../../../shared/contract';
import { CallError } from '../../api/client';

/** Runs a call from a button: tracks "busy", shows a translated notification on failure. */
export function useAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(action: () => Promise<T>, success?: string): Promise<T | undefined> => {
      setBusy(true);
      try {
        const value = await action();
        if (success) notifications.show({ color: 'green', message: success });
        return value;
      } catch (error) {
        const data: AppErrorData = error instanceof CallError ? error.data : { code: 'INTERNAL', message: String(error) };
        notifications.show({ color: 'red', title: t(`errors.${data.code}`), message: data.message });
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, run };
}
