import type { LogExport } from '../../../../shared/contract/log';

/** Hands an export made in main to the user as a file; a Blob link works in Electron and in the browser. */
export function downloadExport(file: LogExport): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started; the object URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
