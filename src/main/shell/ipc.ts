import { BrowserWindow, type IpcMainInvokeEvent, ipcMain, type WebContents } from 'electron';
import { callNames, type Result } from '../../shared/contract';
import type { AppServices } from '../app/create-services';
import { originOf } from './app-origin';

/**
 * Only the top frame of our own page may call: not an iframe, not a page that navigated elsewhere,
 * not a frame or contents already gone (Electron gives `senderFrame` null once the frame navigated or was destroyed).
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, trusted: Set<string>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.detached || frame.parent !== null || event.sender.isDestroyed()) return false;
  const origin = originOf(frame.url);
  return origin !== null && trusted.has(origin);
}

const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Call from an untrusted frame' } };

/** One `rpc:<call>` channel per contract entry, all answered through the shared dispatcher. */
export function registerIpc(services: AppServices, trusted: Set<string>, warn: (message: string) => void = console.warn): () => void {
  // One signal per page, aborted when its window is destroyed: what its calls started stops with it.
  const gone = new WeakMap<WebContents, AbortSignal>();
  const signalOf = (contents: WebContents): AbortSignal => {
    let signal = gone.get(contents);
    if (!signal) {
      const controller = new AbortController();
      contents.once('destroyed', () => controller.abort(new Error('The window closed')));
      signal = controller.signal;
      gone.set(contents, signal);
    }
    return signal;
  };
  for (const name of callNames) {
    ipcMain.handle(`rpc:${name}`, (event, input: unknown) =>
      isTrustedSender(event, trusted)
        ? services.dispatch(name, input, { transport: 'electron', signal: signalOf(event.sender) })
        : forbidden,
    );
  }
  // Runs inside the emitting service's call: it must never throw, whatever state a window is in.
  const unsubscribe = services.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      try {
        const contents = window.webContents;
        if (window.isDestroyed() || contents.isDestroyed()) continue;
        const origin = originOf(contents.getURL());
        if (origin === null || !trusted.has(origin)) continue;
        contents.send(`event:${event}`, payload);
      } catch (error) {
        warn(`[ipc] event ${event} not delivered: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  });
  return () => {
    unsubscribe();
    for (const name of callNames) ipcMain.removeHandler(`rpc:${name}`);
  };
}
