/**
 * The sandboxed preload: builds `window.api` from the contract table and exposes nothing else
 * (no ipcRenderer, no process). Names outside the table are refused here, before any IPC.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { callNames, eventNames } from '../shared/contract';
import type { DesktopApi } from './api-types';

const calls = new Set<string>(callNames);
const events = new Set<string>(eventNames);

const api = {
  call(name, input) {
    if (typeof name !== 'string' || !calls.has(name)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CALL', message: `Unknown call: ${String(name).slice(0, 80)}` } });
    }
    return ipcRenderer.invoke(`rpc:${name}`, input);
  },
  on(event, listener) {
    if (typeof event !== 'string' || !events.has(event) || typeof listener !== 'function') return () => {};
    const channel = `event:${event}`;
    // Wrap so the page never sees the IpcRendererEvent (it carries `sender`, an ipcRenderer).
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
