import { BrowserWindow, screen } from 'electron';
import type { JsonDocument } from '../storage/json-document';
import { placeOnScreen, type WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  state: JsonDocument<WindowState>;
  /** False in packaged builds: no DevTools, so a local user cannot drive `window.api` from a console. */
  devTools: boolean;
}

export interface MainWindow {
  window: BrowserWindow;
  /** Resolves once the last size and position written (on close, or after a move) are on disk. */
  stateSaved(): Promise<void>;
}

/** The one window: isolated, sandboxed, no Node in the page; it remembers its size and position. */
export function createMainWindow({ preloadPath, entryUrl, state, devTools }: MainWindowOptions): MainWindow {
  const saved = placeOnScreen(
    state.value,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(saved.x !== undefined && saved.y !== undefined ? { x: saved.x, y: saved.y } : {}),
    width: saved.width,
    height: saved.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Ingest Desk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools,
      // Middle-click would otherwise open links in a new window, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // maximize() also shows the window: before the first paint that is a blank window, so wait for it.
  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize();
    window.show();
  });

  let written: Promise<unknown> = Promise.resolve();
  const write = () => {
    const bounds = window.getNormalBounds();
    written = state.update(() => ({ ...bounds, maximized: window.isMaximized() })).catch(() => undefined);
  };
  let saveTimer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (!window.isDestroyed()) write();
    }, 400);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember);
  window.on('close', () => {
    clearTimeout(saveTimer);
    write();
  });

  void window.loadURL(entryUrl);
  return { window, stateSaved: () => written.then(() => undefined) };
}
