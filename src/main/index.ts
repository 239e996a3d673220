/**
 * Electron lifecycle: the only file (with src/main/shell/) that imports electron. It builds the
 * services through the composition root, serves the page from app://, registers IPC and opens the
 * window; everything else is plain Node.
 */
import './app/young-generation';
import { join } from 'node:path';
import { app, type BrowserWindow, session, shell } from 'electron';
import { appIdentity } from './app/app-identity';
import { systemClock } from './app/clock';
import { type AppServices, createAppServices } from './app/create-services';
import { KeytarSecretStore } from './secrets/keytar-store';
import { appEntryUrl, trustedOrigins } from './shell/app-origin';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { registerIpc } from './shell/ipc';
import { createMainWindow } from './shell/main-window';
import { hardenSession, hardenWebContents } from './shell/security';
import { windowStateDocument } from './shell/window-state';
import { lockDataDir } from './storage/data-dir-lock';
import { JsonDocument } from './storage/json-document';
import { StoreProblems } from './storage/store-problems';

// The dev server URL is honoured only in unpackaged runs started by electron-vite.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const trusted = trustedOrigins(devServerUrl);

app.enableSandbox();
registerAppScheme();
hardenWebContents(app, trusted);

let mainWindow: BrowserWindow | undefined;
let services: AppServices | undefined;
let unlockDataDir: (() => Promise<void>) | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start, (error: unknown) => fatal(error));
}

async function start(): Promise<void> {
  const dataDir = process.env.INGEST_DESK_DATA_DIR ?? app.getPath('userData');
  unlockDataDir = await lockDataDir(dataDir);
  hardenSession(session.defaultSession);
  serveRenderer(join(import.meta.dirname, '../renderer'));

  services = await createAppServices({
    dataDir,
    secrets: new KeytarSecretStore({ service: process.env.INGEST_DESK_KEYCHAIN_SERVICE ?? appIdentity.keychainService }),
    transport: 'electron',
    versions: { electron: process.versions.electron, chrome: process.versions.chrome },
    openExternal: (url) => shell.openExternal(url),
  });
  registerIpc(services, trusted);

  const windowState = await JsonDocument.open({
    ...windowStateDocument,
    dataDir,
    clock: systemClock,
    problems: new StoreProblems(),
  });
  mainWindow = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    entryUrl: devServerUrl ?? appEntryUrl,
    state: windowState,
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function fatal(error: unknown): void {
  console.error(error);
  app.exit(1);
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (!services && !unlockDataDir) return;
  event.preventDefault();
  const closing = services?.close() ?? Promise.resolve();
  services = undefined;
  void closing
    .then(() => unlockDataDir?.())
    .finally(() => {
      unlockDataDir = undefined;
      app.quit();
    });
});
