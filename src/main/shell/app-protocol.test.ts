import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../security/content-security-policy';
import { type ElectronDouble, freshElectron } from './test-support/load-shell';

vi.mock('electron', () => import('./test-support/electron-double'));

let electron: ElectronDouble;
let root: string;

// A renderer folder with one file of each type the build emits, and a secret beside it that must never be served.
const files: Record<string, [string, string]> = {
  'index.html': ['<!doctype html>', 'text/html; charset=utf-8'],
  'assets/index-abc.js': ['export {}', 'text/javascript; charset=utf-8'],
  'assets/index-abc.css': ['body{}', 'text/css; charset=utf-8'],
  'assets/logo.svg': ['<svg/>', 'image/svg+xml'],
  'assets/icon.png': ['png', 'image/png'],
  'assets/font.woff2': ['woff2', 'font/woff2'],
  'assets/data.json': ['{}', 'application/json; charset=utf-8'],
  'assets/blob.bin': ['?', 'application/octet-stream'],
};

beforeAll(async () => {
  electron = await freshElectron();
  root = await mkdtemp(join(tmpdir(), 'ingest-desk-protocol-'));
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
  for (const [path, [body]] of Object.entries(files)) {
    await mkdir(join(root, 'renderer', path, '..'), { recursive: true });
    await writeFile(join(root, 'renderer', path), body);
  }
  const { registerAppScheme, serveRenderer } = await import('./app-protocol');
  registerAppScheme();
  electron.app.fireReady();
  serveRenderer(join(root, 'renderer'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme with fetch and streams, before the app is ready', () => {
    expect(electron.protocol.privileged).toEqual([
      {
        schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }],
        appWasReady: false,
      },
    ]);
  });

  it.each(Object.entries(files))('serves %s with its type, the CSP and the security headers', async (path, [body, type]) => {
    const response = await electron.protocol.fetch(`app://desk/${path}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(body);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers.get(name)).toBe(value);
  });

  it('the CSP runs only the app own scripts: no inline, no eval, no frames, no objects, no remote scripts', async () => {
    const csp = (await electron.protocol.fetch('app://desk/index.html')).headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('serves index.html for the root', async () => {
    expect(await (await electron.protocol.fetch('app://desk/')).text()).toBe('<!doctype html>');
  });

  it.each([
    ['traversal', 'app://desk/../secret.txt'],
    ['encoded traversal', 'app://desk/..%2fsecret.txt'],
    ['encoded dots and slash', 'app://desk/%2e%2e%2fsecret.txt'],
    ['deep encoded traversal', 'app://desk/assets/..%2f..%2fsecret.txt'],
    ['double-encoded traversal', 'app://desk/%252e%252e%252fsecret.txt'],
    ['backslash traversal', 'app://desk/..%5csecret.txt'],
    ['absolute path', 'app://desk/ROOT%2Fsecret.txt'],
    ['absolute path, system file', 'app://desk/%2Fetc%2Fpasswd'],
    ['NUL byte', 'app://desk/index.html%00.png'],
    ['malformed escape', 'app://desk/%E0%A4%A'],
    ['unknown host', 'app://evil/index.html'],
    ['other host, same file', 'app://desk.evil/index.html'],
    ['missing file', 'app://desk/assets/missing.js'],
    ['a folder', 'app://desk/assets'],
  ])('refuses %s with 404 and the security headers', async (_what, url) => {
    const response = await electron.protocol.fetch(url.replace('ROOT', encodeURIComponent(root)));
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('outside the renderer');
    expect(body).not.toContain('root:');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });
});
