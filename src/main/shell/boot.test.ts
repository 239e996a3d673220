import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract';
import { securityHeaders } from '../security/content-security-policy';

/**
 * The built app (out/main/index.js, as electron-builder packages it) started in plain Node with
 * 'electron' resolved to the recording double by a module hook: the real services, the real keychain
 * (a test namespace), a temporary data dir. `npm test` builds first; alone: `npx electron-vite build`.
 */
const entry = join(process.cwd(), 'out/main/index.js');
const support = join(import.meta.dirname, 'test-support/boot');
let dataDir: string;
// biome-ignore lint/suspicious/noExplicitAny: the driver's JSON report, checked field by field below
let report: any;
// biome-ignore lint/suspicious/noExplicitAny: the same, from the second start on the same data dir
let again: any;

beforeAll(async () => {
  if (!existsSync(entry)) throw new Error('out/main/index.js is missing: run `npx electron-vite build` first (npm test does).');
  dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-boot-'));
  const keychainService = `ingest-desk-test-boot-${randomUUID()}`;
  report = await boot({ INGEST_DESK_DATA_DIR: dataDir, INGEST_DESK_KEYCHAIN_SERVICE: keychainService });
  again = await boot({ INGEST_DESK_DATA_DIR: dataDir, INGEST_DESK_KEYCHAIN_SERVICE: keychainService, BOOT_PHASE: 'again' });
}, 60_000);

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function boot(env: Record<string, string>): Promise<unknown> {
  const child = spawn(process.execPath, ['--import', join(support, 'electron-hook.mjs'), join(support, 'boot-driver.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  const line = stdout.split('\n').find((text) => text.startsWith('BOOT-REPORT '));
  if (code !== 0 || !line) throw new Error(`the boot driver exited with ${code}:\n${stderr}\n${stdout}`);
  return JSON.parse(line.slice('BOOT-REPORT '.length));
}

describe('the built app, booted against the Electron double', () => {
  it('enables the sandbox, takes the single-instance lock and registers app:// before ready; no window before it', () => {
    expect(report.beforeReady.appCalls).toEqual(['enableSandbox', 'requestSingleInstanceLock']);
    expect(report.beforeReady.privileged).toEqual([
      {
        schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }],
        appWasReady: false,
      },
    ]);
    expect(report.beforeReady.windows).toBe(0);
  });

  it('opens one hidden, isolated, sandboxed window whose preload is the built one and exists', () => {
    expect(report.window.count).toBe(1);
    expect(report.window.options).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false },
    });
    expect(report.window.preloadInOut).toBe(join('out', 'preload', 'index.cjs'));
    expect(report.window.preloadExists).toBe(true);
    expect(report.window.url).toBe('app://desk/index.html');
  });

  it('serves the renderer entry and every built file over app://, byte for byte, with the CSP', () => {
    expect(report.entry).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(report.entry.body).toMatch(/^<!doctype html>/i);
    expect(report.served.length).toBeGreaterThan(10);
    for (const file of report.served) {
      expect(file, file.path).toMatchObject({ status: 200, same: true, csp: securityHeaders['Content-Security-Policy'] });
      expect(file.type, file.path).not.toBe('application/octet-stream');
    }
  });

  it("answers every contract call from the app's main frame and refuses each from a subframe and a foreign page", () => {
    expect(Object.keys(report.answers).sort()).toEqual(callNames.map((name) => `rpc:${name}`).sort());
    for (const [channel, answer] of Object.entries(report.answers) as Array<[string, Record<string, string>]>) {
      expect(['FORBIDDEN', 'INTERNAL', 'malformed'], channel).not.toContain(answer.app);
      expect(answer, channel).toMatchObject({ subframe: 'FORBIDDEN', foreign: 'FORBIDDEN' });
    }
  });

  it('delivers events to the live window and none to a destroyed one', () => {
    expect(report.events).toEqual({ update: true, live: ['event:system.settingsChanged'], destroyed: 0 });
  });

  it('restores and focuses the window when a second instance starts', () => {
    expect(report.secondInstance).toEqual(['restore', 'focus']);
  });

  it('quits after the stores are flushed and the data-dir lock is released', () => {
    expect(report.lockBeforeQuit).toBe(true);
    expect(report.quit).toEqual({ exitCode: 0, lock: false, theme: expect.stringMatching(/^(dark|light)$/) });
    // The next start reads what this one flushed: the window where it was left, the setting changed.
    expect(again.options).toMatchObject({ x: 12, y: 34, width: 1234, height: 789 });
    expect(again.settings).toMatchObject({ ok: true, value: { theme: report.quit.theme } });
  });
});
