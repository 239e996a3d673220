/**
 * Run by boot.test.ts in its own Node process, with 'electron' resolved to the double
 * (electron-hook.mjs): loads the built out/main/index.js as Electron would, drives it through the
 * double and prints what it saw as one JSON line. It asserts nothing itself; the test does.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { pathToFileURL } from 'node:url';
import type * as Double from '../electron-double';

const electron = (await import('electron')) as unknown as typeof Double;
const { app, BrowserWindow, ipcMain, protocol } = electron;
const root = process.cwd();
const dataDir = process.env.INGEST_DESK_DATA_DIR ?? '';
const report: Record<string, unknown> = {};

/** Whether the data dir's lock is held: the lock is SQLite's exclusive lock on its lock file, so a second claim fails. */
const lockHeld = () => {
  const probe = new DatabaseSync(join(dataDir, 'ingest-desk.lock'));
  try {
    probe.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
};

const waitFor = async (what: string, check: () => boolean, timeoutMs = 15_000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`boot: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

await import(pathToFileURL(join(root, 'out/main/index.js')).href);
report.beforeReady = { appCalls: [...app.calls], privileged: protocol.privileged, windows: BrowserWindow.all.length };

const readyAt = Date.now();
app.fireReady();
await waitFor('the window', () => BrowserWindow.all.length > 0);
report.windowAfterMs = Date.now() - readyAt;
const [window] = BrowserWindow.all;
if (!window) throw new Error('no window');

// The second start on the same data dir: what the first one flushed on quit is what this one reads.
if (process.env.BOOT_PHASE === 'again') {
  const appFrame = window.webContents.mainFrame;
  const settings = await ipcMain.invoke({ frame: appFrame, contents: window.webContents }, 'rpc:system.getSettings', {});
  process.stdout.write(`BOOT-REPORT ${JSON.stringify({ options: window.options, settings })}\n`);
  app.quit();
  await waitFor('the quit sequence', () => app.exitCode !== undefined);
  process.exit(0);
}
const preload = window.options.webPreferences?.preload ?? '';
report.window = {
  count: BrowserWindow.all.length,
  options: window.options,
  preloadExists: existsSync(preload),
  preloadInOut: relative(root, preload),
  url: window.webContents.getURL(),
};

// Every built renderer file over app://, as the window's page would fetch it.
const rendererDir = join(root, 'out/renderer');
const served: Array<{ path: string; status: number; type: string | null; csp: string | null; same: boolean }> = [];
for (const entry of await readdir(rendererDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = relative(rendererDir, join(entry.parentPath, entry.name)).split('\\').join('/');
  const response = await protocol.fetch(`app://desk/${path}`);
  const body = Buffer.from(await response.arrayBuffer());
  const same = body.equals(await readFile(join(rendererDir, path)));
  served.push({
    path,
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    same,
  });
}
report.served = served;
const entry = await protocol.fetch(window.webContents.getURL());
report.entry = { status: entry.status, type: entry.headers.get('content-type'), body: (await entry.text()).slice(0, 200) };

// Every contract call over IPC: from the app's main frame, and from a subframe and a foreign page.
const contents = window.webContents;
const appFrame = contents.mainFrame;
const subframe = new electron.WebFrameDouble('app://desk/index.html', appFrame);
const foreign = new electron.WebFrameDouble('https://evil.example/');
const channels = [...ipcMain.handlers.keys()].filter((channel) => channel.startsWith('rpc:'));
const answers: Record<string, { app: unknown; subframe: unknown; foreign: unknown }> = {};
for (const channel of channels) {
  const code = (result: unknown) => {
    const value = result as { ok?: boolean; error?: { code?: string } };
    return value.ok === true ? 'ok' : (value.error?.code ?? 'malformed');
  };
  answers[channel] = {
    app: code(await ipcMain.invoke({ frame: appFrame, contents }, channel, {})),
    subframe: code(await ipcMain.invoke({ frame: subframe, contents }, channel, {})),
    foreign: code(await ipcMain.invoke({ frame: foreign, contents }, channel, {})),
  };
}
report.answers = answers;

// Events: to the live window, none to a destroyed one (and the call that emitted them still answers).
const closed = new electron.BrowserWindowDouble({ show: false });
await closed.loadURL('app://desk/index.html');
closed.destroy();
const before = contents.sent.length;
const settings = (await ipcMain.invoke({ frame: appFrame, contents }, 'rpc:system.getSettings', {})) as {
  ok: boolean;
  value: { theme?: string };
};
const theme = settings.value?.theme === 'dark' ? 'light' : 'dark';
const update = await ipcMain.invoke({ frame: appFrame, contents }, 'rpc:system.updateSettings', { theme });
report.events = {
  update: (update as { ok: boolean }).ok,
  live: contents.sent.slice(before).map((sent) => sent.channel),
  destroyed: closed.webContents.sent.length,
};

// A second launch focuses this one.
window.minimize();
app.emit('second-instance', electron.preventableEvent(), [], root);
report.secondInstance = window.calls.filter((call) => call === 'restore' || call === 'focus');

// Quit: the documented sequence; the stores are flushed and the data-dir lock released before the process ends.
window.bounds = { x: 12, y: 34, width: 1234, height: 789 };
report.lockBeforeQuit = lockHeld();
app.quit();
await waitFor('the quit sequence', () => app.exitCode !== undefined);
report.quit = { exitCode: app.exitCode, lock: lockHeld(), theme };
process.stdout.write(`BOOT-REPORT ${JSON.stringify(report)}\n`);
// Whatever the services left running (timers, sockets) is not the app's to end here: Electron would exit now.
process.exit(0);
