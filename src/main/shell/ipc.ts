import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { callNames, type Result } from '../../shared/contract';
import type { AppServices } from '../app/create-services';
import { originOf } from './app-origin';

/** Only the top frame of our own page may call: not an iframe, not a page that navigated elsewhere. */
export function isTrustedSender(frame: WebFrameMain | null, trusted: Set<string>): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== null && trusted.has(origin);
}

const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Call from an untrusted frame' } };

/** One `rpc:<call>` channel per contract entry, all answered through the shared dispatcher. */
export function registerIpc(services: AppServices, trusted: Set<string>): () => void {
  for (const name of callNames) {
    ipcMain.handle(`rpc:${name}`, (event, input: unknown) =>
      isTrustedSender(event.senderFrame, trusted) ? services.dispatch(name, input) : forbidden,
    );
  }
  const unsubscribe = services.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(`event:${event}`, payload);
  });
  return () => {
    unsubscribe();
    for (const name of callNames) ipcMain.removeHandler(`rpc:${name}`);
  };
}
