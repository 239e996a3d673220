import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ElectronApplication, _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../support/electron-binary';

const binary = findElectronBinary();
test.skip(!binary, 'No Electron binary on this machine (its download is blocked here); the shell specs need one.');

let app: ElectronApplication;

test.beforeEach(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-electron-'));
  app = await electron.launch({
    executablePath: binary ?? undefined,
    args: ['out/main/index.js', '--no-sandbox'],
    env: { ...process.env, INGEST_DESK_DATA_DIR: dataDir, INGEST_DESK_KEYCHAIN_SERVICE: `ingest-desk-electron-${Date.now()}` },
  });
});

test.afterEach(async () => {
  await app.close();
});

test('the window is isolated and sandboxed with no Node in the page', async () => {
  // getLastWebPreferences is missing from Electron's typings but present at run time.
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): unknown };
    return contents.getLastWebPreferences();
  });
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  const page = await app.firstWindow();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  const surface = await page.evaluate(() => ({
    api: Object.keys((window as unknown as { api: object }).api).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    ipc: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
  }));
  expect(surface).toEqual({ api: ['call', 'on'], require: 'undefined', process: 'undefined', ipc: 'undefined' });
  await page.getByRole('button', { name: 'Status & settings' }).click();
  await expect(page.getByTestId('keychain-state')).toHaveAttribute('data-state', 'available');
});

test('navigation away from the app and new windows are denied', async () => {
  const page = await app.firstWindow();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  const before = page.url();
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  await page.evaluate(() => window.open('https://example.com/'));
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
});
