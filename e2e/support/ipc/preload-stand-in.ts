import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The page's side of Electron for the e2e run over IPC: the real built preload (out/preload/index.cjs,
 * unchanged) run in the page with `require('electron')` answering a `contextBridge` that exposes into the
 * page and an `ipcRenderer` whose messages travel through the Playwright binding (ipc-bridge.ts) to the
 * app's IPC handlers. As in Electron, only the main frame gets the preload (no nodeIntegrationInSubFrames).
 */
export function preloadStandInScript(root = process.cwd()): string {
  const preload = readFileSync(join(root, 'out/preload/index.cjs'), 'utf8');
  return `(() => {
  if (window.top !== window) return;
  const invokeBinding = window.__ingestDeskIpcInvoke;
  const subscribeBinding = window.__ingestDeskIpcSubscribe;
  const listeners = new Map();
  const ipcRenderer = {
    async invoke(channel, ...args) {
      const answer = await invokeBinding(channel, args);
      if ('thrown' in answer) throw new Error("Error invoking remote method '" + channel + "': " + answer.thrown);
      return answer.value;
    },
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      void subscribeBinding();
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  // What main sends the window arrives here, as Electron's IpcRendererEvent would (with a sender).
  Object.defineProperty(window, '__ingestDeskIpcDeliver', {
    value: (channel, payload) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer }, payload);
    },
  });
  const contextBridge = {
    exposeInMainWorld(key, api) {
      // contextBridge hands the page frozen copies; the preload's closure stays out of reach.
      const copy = {};
      for (const [name, value] of Object.entries(api)) copy[name] = typeof value === 'function' ? (...args) => value(...args) : value;
      Object.defineProperty(window, key, { value: Object.freeze(copy), enumerable: true });
    },
  };
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error("a sandboxed preload cannot require '" + name + "'");
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${preload}
  })(require, module, module.exports);
})();`;
}
