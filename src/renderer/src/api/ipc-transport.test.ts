import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../preload/api-types';
import { createIpcTransport } from './ipc-transport';

// The page's desktop transport over a recording window.api (the preload's surface; the preload itself is tested in src/preload).
function recordingApi() {
  const calls: unknown[][] = [];
  const listeners: Array<[string, (payload: unknown) => void]> = [];
  const unsubscribe = vi.fn();
  const api: DesktopApi = {
    call: (async (name: string, input: unknown) => {
      calls.push([name, input]);
      return { ok: true, value: `answer to ${name}` };
    }) as DesktopApi['call'],
    on: ((event: string, listener: (payload: unknown) => void) => {
      listeners.push([event, listener]);
      return unsubscribe;
    }) as DesktopApi['on'],
  };
  return { api, calls, listeners, unsubscribe };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('the IPC transport', () => {
  it('passes calls and subscriptions to window.api unchanged, and says it is the desktop one', async () => {
    const { api, calls, listeners, unsubscribe } = recordingApi();
    const transport = createIpcTransport(api);
    expect(transport.kind).toBe('electron');
    expect(await transport.call('tasks.list', {} as never)).toEqual({ ok: true, value: 'answer to tasks.list' });
    expect(calls).toEqual([['tasks.list', {}]]);
    const listener = vi.fn();
    const stop = transport.on('system.settingsChanged', listener);
    expect(listeners).toEqual([['system.settingsChanged', listener]]);
    stop();
    expect(unsubscribe).toHaveBeenCalledOnce();
  });

  it('is the one the page picks when the preload gave it window.api, even with a host token in the address', async () => {
    const { api, calls } = recordingApi();
    vi.stubGlobal('window', { api, location: new URL('http://127.0.0.1:1/?token=t'), history: {}, sessionStorage: {} });
    const client = await import('./client');
    const picked = client.pickTransport();
    expect(picked?.kind).toBe('electron');
    client.installTransport(picked);
    expect(await client.invoke('system.info', {} as never)).toBe('answer to system.info');
    expect(calls).toEqual([['system.info', {}]]);
  });
});
