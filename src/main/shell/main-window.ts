import { BrowserWindow, screen } from 'electron';
import type { JsonDocument } from '../storage/json-document';
import { placeOnScreen, type WindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  entryUrl: string;
  state: JsonDocument<WindowState>;
}

/** The one window: isolated, sandboxed, no Node in the page; it remembers its size and position. */
export function createMainWindow({ preloadPath, entryUrl, state }: MainWindowOptions): BrowserWindow {
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
      // Middle-click would otherwise open links in a new window, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (window.isDestroyed()) return;
      const bounds = window.getNormalBounds();
      void state.update(() => ({ ...bounds, maximized: window.isMaximized() })).catch(() => undefined);
    }, 400);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember);
  window.on('close', () => {
    clearTimeout(saveTimer);
    const bounds = window.getNormalBounds();
    void state.update(() => ({ ...bounds, maximized: window.isMaximized() })).catch(() => undefined);
  });

  void window.loadURL(entryUrl);
  return window;
}
