import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames } from '../shared/contract';

// A unit test of the preload alone: electron is replaced by a recorder of what the preload exposes.
const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from-main' }));
const on = vi.fn();
const removeListener = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: { invoke, on, removeListener },
}));

describe('preload', () => {
  beforeEach(async () => {
    await import('./index');
  });

  it('exposes only window.api, with only call and on', () => {
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(exposed.api as object).sort()).toEqual(['call', 'on']);
  });

  it('forwards contract calls on their own channel and refuses any other name without IPC', async () => {
    const api = exposed.api as { call(name: string, input: unknown): Promise<unknown> };
    const first = callNames[0] ?? '';
    expect(await api.call(first, {})).toEqual({ ok: true, value: 'from-main' });
    expect(invoke).toHaveBeenLastCalledWith(`rpc:${first}`, {});
    invoke.mockClear();
    for (const name of ['__proto__', 'constructor', 'rpc:system.info', 'shell.openExternal', 42]) {
      expect(await api.call(name as string, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('subscribes only to contract events and hides the IPC event object from the page', () => {
    const api = exposed.api as { on(event: string, listener: (payload: unknown) => void): () => void };
    const seen: unknown[][] = [];
    const unsubscribe = api.on('system.settingsChanged', (...args) => seen.push(args));
    const [channel, forward] = on.mock.calls[0] as [string, (event: unknown, payload: unknown) => void];
    expect(channel).toBe('event:system.settingsChanged');
    forward({ sender: 'ipcRenderer would leak here' }, { theme: 'dark' });
    expect(seen).toEqual([[{ theme: 'dark' }]]);
    unsubscribe();
    expect(removeListener).toHaveBeenCalledWith('event:system.settingsChanged', forward);
    on.mockClear();
    api.on('ipc:anything', () => {});
    expect(on).not.toHaveBeenCalled();
  });
});
