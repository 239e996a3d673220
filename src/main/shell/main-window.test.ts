import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../app/clock';
import { JsonDocument } from '../storage/json-document';
import { StoreProblems } from '../storage/store-problems';
import type { BrowserWindowDouble } from './test-support/electron-double';
import { type ElectronDouble, freshElectron } from './test-support/load-shell';
import { type WindowState, windowStateDocument } from './window-state';

vi.mock('electron', () => import('./test-support/electron-double'));

let electron: ElectronDouble;
let dataDir: string;

beforeEach(async () => {
  electron = await freshElectron();
  dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-window-'));
});

afterEach(async () => {
  vi.useRealTimers();
  await rm(dataDir, { recursive: true, force: true });
});

async function open(saved?: WindowState) {
  const state = await JsonDocument.open({ ...windowStateDocument, dataDir, clock: systemClock, problems: new StoreProblems() });
  if (saved) await state.update(() => saved);
  const { createMainWindow } = await import('./main-window');
  const main = createMainWindow({ preloadPath: '/app/out/preload/index.cjs', entryUrl: 'app://desk/index.html', state, devTools: false });
  return { ...main, double: main.window as unknown as BrowserWindowDouble, state };
}

const onDisk = async () => (JSON.parse(await readFile(join(dataDir, 'window-state.json'), 'utf8')) as { data: WindowState }).data;

describe('the main window', () => {
  it('is isolated and sandboxed, with no Node, no webviews and no DevTools, and loads the app entry', async () => {
    const { double } = await open();
    const preferences: Record<string, unknown> = { ...double.options.webPreferences };
    // The preload is the page's only bridge; the page is isolated, sandboxed and same-origin only.
    const on = { preload: '/app/out/preload/index.cjs', contextIsolation: true, sandbox: true, webSecurity: true };
    // No Node in the page, its workers or its frames; no webviews, insecure content, experimental
    // features, navigation by a dropped file, spellcheck service or DevTools.
    const off = [
      ...['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent'],
      ...['experimentalFeatures', 'webviewTag', 'navigateOnDragDrop', 'spellcheck', 'devTools'],
    ];
    // Middle-click would open links in a new window, past the window-open handler.
    const blink = { disableBlinkFeatures: 'Auxclick' };
    expect(preferences).toEqual({ ...on, ...Object.fromEntries(off.map((key) => [key, false])), ...blink });
    expect(double.webContents.getURL()).toBe('app://desk/index.html');
    expect(double.options).toMatchObject({ width: 1280, height: 800, minWidth: 960, minHeight: 600, show: false });
  });

  it('stays hidden until its first paint, then shows', async () => {
    const { double } = await open();
    expect(double.isVisible()).toBe(false);
    double.emit('ready-to-show');
    expect(double.isVisible()).toBe(true);
  });

  it('a window closed maximized comes back maximized, but not before its first paint (no blank window)', async () => {
    const { double } = await open({ x: 10, y: 20, width: 1200, height: 700, maximized: true });
    expect(double.calls).not.toContain('maximize');
    expect(double.isVisible()).toBe(false);
    double.emit('ready-to-show');
    expect(double.isMaximized()).toBe(true);
    expect(double.isVisible()).toBe(true);
  });

  it('comes back where it was on a connected display', async () => {
    const { double } = await open({ x: 100, y: 50, width: 1200, height: 700, maximized: false });
    expect(double.options).toMatchObject({ x: 100, y: 50, width: 1200, height: 700 });
  });

  it('a position left on a display that is gone is dropped (the window is centred), the size kept', async () => {
    electron.screen.setWorkAreas([{ x: 0, y: 0, width: 1440, height: 860 }]);
    const { double } = await open({ x: 2500, y: 100, width: 1200, height: 700, maximized: false });
    expect(double.options.x).toBeUndefined();
    expect(double.options.y).toBeUndefined();
    expect(double.options).toMatchObject({ width: 1200, height: 700 });
  });

  it('a window mostly off-screen is dropped too; one on a second display is kept', async () => {
    electron.screen.setWorkAreas([
      { x: 0, y: 0, width: 1920, height: 1040 },
      { x: 1920, y: 0, width: 1280, height: 1024 },
    ]);
    expect((await open({ x: 1700, y: 900, width: 1000, height: 700, maximized: false })).double.options.x).toBeUndefined();
    expect((await open({ x: 2000, y: 100, width: 1000, height: 700, maximized: false })).double.options.x).toBe(2000);
  });

  it('remembers its bounds on close, and stateSaved() resolves once they are on disk', async () => {
    const { double, stateSaved } = await open();
    double.bounds = { x: 33, y: 44, width: 1000, height: 650 };
    double.close();
    await stateSaved();
    expect(await onDisk()).toEqual({ x: 33, y: 44, width: 1000, height: 650, maximized: false });
  });

  it('remembers moves and resizes after they settle, once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { double, stateSaved, state } = await open();
    const update = vi.spyOn(state, 'update');
    double.bounds = { x: 1, y: 2, width: 900, height: 700 };
    double.emit('move');
    double.emit('resize');
    double.emit('maximize');
    vi.advanceTimersByTime(399);
    expect(update).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(update).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    await stateSaved();
    expect(await onDisk()).toMatchObject({ x: 1, y: 2, width: 900, height: 700 });
  });
});
