import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { ShowImportReport } from '../../../../shared/contract/shows';
import { CallError } from '../../api/client';

/** Runs a call from a button; a failure becomes one red notice with the app's error, translated. */
export async function act(t: TFunction, action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (error) {
    const data = error instanceof CallError ? error.data : null;
    notifications.show({ color: 'red', title: t(`common:errors.${data?.code ?? 'INTERNAL'}`), message: data?.message ?? String(error) });
    return false;
  }
}

/** Saves text as a file through the browser's download (the desktop app's too). */
export function download(text: string, fileName: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** What an import did: how many came in, and each rejected item or CSV row (main counts those from 1, the header) with its reasons, translated. */
export function announceImport(t: TFunction, report: ShowImportReport, csv: boolean): void {
  if (report.imported.length > 0) notifications.show({ color: 'green', message: t('shows:imported', { count: report.imported.length }) });
  for (const rejected of report.rejected) {
    const reasons = rejected.problems
      .map((problem) => `${problem.path ? `${problem.path}: ` : ''}${problem.message.includes(':') ? t(problem.message) : problem.message}`)
      .join('; ');
    const message =
      rejected.index < 0
        ? t('shows:importFileRejected', { reasons })
        : csv
          ? t('shows:csvRowRejected', { row: rejected.index, reasons })
          : t('shows:importRejected', { index: rejected.index + 1, name: rejected.name ?? '?', reasons });
    notifications.show({ color: 'orange', autoClose: false, message, 'data-testid': 'show-import-rejected' } as never);
  }
}
