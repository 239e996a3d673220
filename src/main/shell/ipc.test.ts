import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callNames } from '../../shared/contract';
import type { AppServices } from '../app/create-services';
import { EventBus } from '../app/event-bus';
import type { Caller } from '../rpc/dispatch';
import { appEntryUrl } from './app-origin';
import type { BrowserWindowDouble, WebContentsDouble } from './test-support/electron-double';
import { type ElectronDouble, freshElectron } from './test-support/load-shell';

vi.mock('electron', () => import('./test-support/electron-double'));

let electron: ElectronDouble;
let events: EventBus;
const dispatched: Array<[string, unknown]> = [];
const callers: Array<Caller | undefined> = [];
const warnings: string[] = [];
let unregister: () => void;

beforeEach(async () => {
  electron = await freshElectron();
  dispatched.length = 0;
  callers.length = 0;
  warnings.length = 0;
  events = new EventBus();
  const services = {
    events,
    dispatch: async (name: string, input: unknown, caller?: Caller) => {
      dispatched.push([name, input]);
      callers.push(caller);
      return { ok: true, value: 'answered' };
    },
  } as unknown as AppServices;
  const { registerIpc } = await import('./ipc');
  unregister = registerIpc(services, new Set(['app://desk', 'http://localhost:5173']), (message) => warnings.push(message));
});

async function openWindow(url = appEntryUrl): Promise<BrowserWindowDouble> {
  const window = new electron.BrowserWindow({ show: false });
  await window.loadURL(url);
  return window;
}

const frame = (url: string, parent: InstanceType<ElectronDouble['WebFrameDouble']> | null = null) =>
  new electron.WebFrameDouble(url, parent);
const invoke = (sender: { frame: ReturnType<typeof frame> | null; contents: WebContentsDouble }, name = 'system.info') =>
  electron.ipcMain.invoke(sender, `rpc:${name}`, { probe: 1 });
const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: 'Call from an untrusted frame' } };

describe('IPC handlers', () => {
  it('register one channel per contract call and remove them all', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(callNames.map((name) => `rpc:${name}`).sort());
    unregister();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it("answer the app's main frame, and the dev server's while developing", async () => {
    const window = await openWindow();
    expect(await invoke({ frame: window.webContents.mainFrame, contents: window.webContents })).toEqual({ ok: true, value: 'answered' });
    expect(await invoke({ frame: frame('http://localhost:5173/'), contents: window.webContents }, 'tasks.list')).toEqual({
      ok: true,
      value: 'answered',
    });
    expect(dispatched).toEqual([
      ['system.info', { probe: 1 }],
      ['tasks.list', { probe: 1 }],
    ]);
  });

  it.each([
    ['a subframe of the app', () => frame('app://desk/frame.html', frame(appEntryUrl))],
    ['a foreign origin', () => frame('https://evil.example/')],
    ['another app:// host', () => frame('app://evil/index.html')],
    ['another port of localhost', () => frame('http://localhost:5174/')],
    ['a file:// page', () => frame('file:///tmp/index.html')],
    ['no frame (navigated or destroyed)', () => null],
    ['a detached frame', () => Object.assign(frame(appEntryUrl), { detached: true })],
  ])('refuse %s before any service runs', async (_what, makeFrame) => {
    const window = await openWindow();
    expect(await invoke({ frame: makeFrame(), contents: window.webContents })).toEqual(forbidden);
    expect(dispatched).toEqual([]);
  });

  it("pass the dispatcher the transport and one signal per window, aborted when that window's contents are destroyed", async () => {
    const [one, two] = [await openWindow(), await openWindow()];
    await invoke({ frame: one.webContents.mainFrame, contents: one.webContents });
    await invoke({ frame: one.webContents.mainFrame, contents: one.webContents }, 'tasks.list');
    await invoke({ frame: two.webContents.mainFrame, contents: two.webContents });
    const [first, again, other] = callers;
    expect(callers.map((caller) => caller?.transport)).toEqual(['electron', 'electron', 'electron']);
    expect(first?.signal).toBe(again?.signal);
    one.destroy();
    expect([first?.signal?.aborted, other?.signal?.aborted]).toEqual([true, false]);
  });

  it('refuse a sender whose contents were destroyed', async () => {
    const window = await openWindow();
    const { mainFrame } = window.webContents;
    window.destroy();
    mainFrame.detached = false;
    expect(await invoke({ frame: mainFrame, contents: window.webContents })).toEqual(forbidden);
    expect(dispatched).toEqual([]);
  });
});

describe('events to windows', () => {
  it("reach every live window of the app's own page, and no destroyed or foreign one", async () => {
    const first = await openWindow();
    const second = await openWindow();
    const closed = await openWindow();
    const foreign = await openWindow('https://evil.example/');
    closed.destroy();
    events.emit('system.settingsChanged', { theme: 'dark' } as never);
    const expected = [{ channel: 'event:system.settingsChanged', args: [{ theme: 'dark' }] }];
    expect(first.webContents.sent).toEqual(expected);
    expect(second.webContents.sent).toEqual(expected);
    expect(closed.webContents.sent).toEqual([]);
    expect(foreign.webContents.sent).toEqual([]);
  });

  it('skip contents destroyed before their window, and a send that throws never reaches the emitting service', async () => {
    const gone = await openWindow();
    const throwing = await openWindow();
    const live = await openWindow();
    gone.webContents.destroy();
    vi.spyOn(throwing.webContents, 'send').mockImplementation(() => {
      throw new Error('An object could not be cloned.');
    });
    expect(() => events.emit('system.settingsChanged', { theme: 'light' } as never)).not.toThrow();
    expect(live.webContents.sent).toHaveLength(1);
    expect(warnings).toEqual(['[ipc] event system.settingsChanged not delivered: An object could not be cloned.']);
  });

  it('stop after unregistering', async () => {
    const window = await openWindow();
    unregister();
    events.emit('system.settingsChanged', { theme: 'dark' } as never);
    expect(window.webContents.sent).toEqual([]);
  });
});
