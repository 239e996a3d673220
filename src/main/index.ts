/**
 * Electron lifecycle: the only file (with src/main/shell/) that imports electron. It builds the
 * services through the composition root, serves the page from app://, registers IPC and opens the
 * window; everything else is plain Node.
 */
import './app/young-generation';
import { join } from 'node:path';
import { app, dialog, session, shell } from 'electron';
import { appIdentity } from './app/app-identity';
import { systemClock } from './app/clock';
import { type AppServices, createAppServices } from './app/create-services';
import { KeytarSecretStore } from './secrets/keytar-store';
import { setPackagedMenu } from './shell/app-menu';
import { appEntryUrl, trustedOrigins } from './shell/app-origin';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { registerIpc } from './shell/ipc';
import { createMainWindow, type MainWindow } from './shell/main-window';
import { electronKeepAwake, electronPowerEvents } from './shell/power';
import { hardenSession, hardenWebContents } from './shell/security';
import { startFailureMessage } from './shell/start-failure';
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

let mainWindow: MainWindow | undefined;
let services: AppServices | undefined;
let unlockDataDir: (() => Promise<void>) | undefined;
let shutdown: Promise<void> | undefined;
let shutDownDone = false;

const dataDir = () => process.env.INGEST_DESK_DATA_DIR ?? app.getPath('userData');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = mainWindow?.window;
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // A rejection of start() too, not only of whenReady(): Electron would only warn, leaving a windowless process.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failStart(error));
}

async function start(): Promise<void> {
  const dir = dataDir();
  unlockDataDir = await lockDataDir(dir);
  hardenSession(session.defaultSession, trusted);
  if (app.isPackaged) setPackagedMenu(process.platform);
  serveRenderer(join(import.meta.dirname, '../renderer'));

  services = await createAppServices({
    dataDir: dir,
    secrets: new KeytarSecretStore({ service: process.env.INGEST_DESK_KEYCHAIN_SERVICE ?? appIdentity.keychainService }),
    transport: 'electron',
    versions: { electron: process.versions.electron, chrome: process.versions.chrome },
    locale: app.getLocale(),
    openExternal: (url) => shell.openExternal(url),
    power: { keepAwake: electronKeepAwake, events: electronPowerEvents },
    // `0` only from the e2e run over IPC, whose specs expect empty lists (as `serve --no-samples`).
    samples: process.env.INGEST_DESK_SAMPLES !== '0',
  });
  registerIpc(services, trusted);

  const windowState = await JsonDocument.open({
    ...windowStateDocument,
    dataDir: dir,
    clock: systemClock,
    problems: new StoreProblems(),
  });
  mainWindow = createMainWindow({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    entryUrl: devServerUrl ?? appEntryUrl,
    state: windowState,
    devTools: !app.isPackaged,
  });
  // Windows ends the process soon after a shutdown or log-off, without `will-quit`: flush now.
  mainWindow.window.on('session-end', () => void shutDown());
}

/** The user sees why (the dialog works before `ready`), the lock and stores are released, the process ends. */
async function failStart(error: unknown): Promise<void> {
  console.error(error);
  let dir = '';
  try {
    dir = dataDir();
  } catch {
    // Only used in the message.
  }
  const { title, content } = startFailureMessage(error, app.getLocale(), dir);
  dialog.showErrorBox(title, content);
  await shutDown();
  app.exit(1);
}

/** Flushes every store (the window state first: it is written on close), then releases the data-dir lock. Runs once. */
function shutDown(): Promise<void> {
  shutdown ??= (async () => {
    const closing = services;
    services = undefined;
    try {
      await mainWindow?.stateSaved();
      await closing?.close();
    } catch (error) {
      console.error(error);
    } finally {
      const unlock = unlockDataDir;
      unlockDataDir = undefined;
      await unlock?.().catch((error: unknown) => console.error(error));
      shutDownDone = true;
    }
  })();
  return shutdown;
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', (event) => {
  if (shutDownDone || (!services && !unlockDataDir && !shutdown)) return;
  event.preventDefault();
  void shutDown().finally(() => app.quit());
});
