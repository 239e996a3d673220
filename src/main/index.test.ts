import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ElectronDouble, eventually, freshElectron, useAppEnvironment } from './shell/test-support/load-shell';
import { lockDataDir } from './storage/data-dir-lock';

// src/main/index.ts against the Electron double: real services, the real keychain (test namespace), a temp data dir.
vi.mock('electron', () => import('./shell/test-support/electron-double'));

/** Whether some connection holds the data dir's lock (an OS lock: a second claim in this process fails too). */
async function lockHeld(dataDir: string): Promise<boolean> {
  try {
    const unlock = await lockDataDir(dataDir);
    await unlock();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'CONFLICT') return true;
    throw error;
  }
}

let electron: ElectronDouble;
let env: Awaited<ReturnType<typeof useAppEnvironment>>;

beforeEach(async () => {
  env = await useAppEnvironment();
  electron = await freshElectron();
});

afterEach(async () => {
  if (electron.app.exitCode === undefined) {
    electron.app.quit();
    await eventually(() => expect(electron.app.exitCode).toBeDefined());
  }
  await env.cleanup();
});

async function startApp(): Promise<void> {
  await import('./index');
  electron.app.fireReady();
  await eventually(() => expect(electron.BrowserWindow.all).toHaveLength(1));
}

describe('src/main/index.ts', () => {
  it('registers the app scheme and the sandbox before ready, and opens one window after it', async () => {
    await import('./index');
    expect(electron.app.calls).toContain('enableSandbox');
    expect(electron.protocol.privileged).toEqual([
      {
        schemes: [expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })],
        appWasReady: false,
      },
    ]);
    expect(electron.BrowserWindow.all).toHaveLength(0);
    electron.app.fireReady();
    await eventually(() => expect(electron.BrowserWindow.all).toHaveLength(1));
    expect(await lockHeld(env.dataDir)).toBe(true);
  });

  it('a second launch restores and focuses the first instance window', async () => {
    await startApp();
    const [window] = electron.BrowserWindow.all;
    window?.minimize();
    electron.app.emit('second-instance', electron.preventableEvent(), [], '/');
    expect(window?.calls).toEqual(expect.arrayContaining(['restore', 'focus']));
  });

  it('the second instance quits at once without opening a window or locking the data dir', async () => {
    electron.app.singleInstanceLock = false;
    await import('./index');
    expect(electron.app.calls).toContain('quit');
    electron.app.fireReady();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(electron.BrowserWindow.all).toHaveLength(0);
    expect(await lockHeld(env.dataDir)).toBe(false);
  });

  it('a data dir locked by another running copy shows the reason and the fix, and exits', async () => {
    // The lock is held by someone else, as by a browser host on the same folder.
    const other = await lockDataDir(env.dataDir);
    await import('./index');
    electron.app.fireReady();
    await eventually(() => expect(electron.app.exitCode).toBe(1));
    expect(electron.dialog.errorBoxes).toHaveLength(1);
    expect(electron.dialog.errorBoxes[0]?.title).toBe('Ingest Desk could not start');
    expect(electron.dialog.errorBoxes[0]?.content).toMatch(/in use by another running copy[\s\S]*Close it, then start Ingest Desk again/);
    expect(electron.BrowserWindow.all).toHaveLength(0);
    // The other copy's lock is left alone.
    expect(await lockHeld(env.dataDir)).toBe(true);
    await other();
  });

  it('services that fail to open are reported in the user language, and the data-dir lock is released', async () => {
    electron.app.locale = 'zh-CN';
    // Whatever store fails (unreadable file, full disk), createAppServices rejects after the lock is taken.
    vi.doMock('./app/create-services', () => ({
      createAppServices: () => Promise.reject(new Error('EISDIR: illegal operation on a directory')),
    }));
    await import('./index');
    electron.app.fireReady();
    await eventually(() => expect(electron.app.exitCode).toBe(1));
    vi.doUnmock('./app/create-services');
    expect(electron.dialog.errorBoxes[0]?.title).toBe('Ingest Desk 无法启动');
    expect(electron.dialog.errorBoxes[0]?.content).toContain('EISDIR: illegal operation on a directory');
    expect(electron.dialog.errorBoxes[0]?.content).toContain(env.dataDir);
    expect(await lockHeld(env.dataDir)).toBe(false);
  });

  it('quitting waits for the window state written on close, flushes the stores and releases the lock', async () => {
    // A slow disk: the window state's write takes longer than closing the services.
    const { JsonDocument } = await import('./storage/json-document');
    const update = JsonDocument.prototype.update;
    vi.spyOn(JsonDocument.prototype, 'update').mockImplementation(async function (
      this: import('./storage/json-document').JsonDocument<unknown>,
      change,
    ) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return update.call(this, change as never) as never;
    });
    await startApp();
    const [window] = electron.BrowserWindow.all;
    if (!window) throw new Error('no window');
    window.bounds = { x: 40, y: 30, width: 1111, height: 777 };
    electron.app.quit();
    await eventually(() => expect(electron.app.exitCode).toBe(0));
    expect(await lockHeld(env.dataDir)).toBe(false);
    // The next start on the same data dir opens the window where it was left.
    vi.restoreAllMocks();
    electron = await freshElectron();
    await startApp();
    expect(electron.BrowserWindow.all[0]?.options).toMatchObject({ x: 40, y: 30, width: 1111, height: 777 });
  });

  it('a Windows session end flushes the stores and releases the lock without will-quit', async () => {
    await startApp();
    const [window] = electron.BrowserWindow.all;
    window?.emit('session-end', electron.preventableEvent({ reasons: ['shutdown'] }));
    await expect.poll(() => lockHeld(env.dataDir)).toBe(false);
    electron.app.exit(0);
  });

  it('packaged: no DevTools in the window and a menu without Reload or Toggle Developer Tools', async () => {
    electron.app.isPackaged = true;
    await startApp();
    expect(electron.BrowserWindow.all[0]?.options.webPreferences?.devTools).toBe(false);
    const menu = electron.Menu.applicationMenu;
    if (process.platform === 'darwin') expect(JSON.stringify(menu)).not.toMatch(/reload|toggleDevTools|viewMenu/i);
    else expect(menu).toBeNull();
  });

  it('unpackaged: DevTools stay available to developers and the default menu is kept', async () => {
    await startApp();
    expect(electron.BrowserWindow.all[0]?.options.webPreferences?.devTools).toBe(true);
    expect(electron.Menu.applicationMenu).toBeUndefined();
  });
});
