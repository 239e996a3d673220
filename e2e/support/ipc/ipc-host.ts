/**
 * The desktop app for the e2e run over IPC: out/main/index.js in plain Node with 'electron' resolved to
 * the recording double (src/main/shell/test-support/boot/electron-hook.mjs). Same command line and
 * first stdout line as `serve.js`, so e2e/support/host.ts starts either. On 127.0.0.1 it offers:
 * - every other GET: the app's own app:// handler (the page's bytes and CSP headers as Electron serves them);
 * - POST /ipc: one `ipcRenderer.invoke` from the page, carried by the Playwright binding (ipc-bridge.ts), answered
 *   by the app's IPC handlers with the sending frame's URL as Electron would report it (this origin → app://desk);
 * - GET /ipc-events: what main sends the window (`webContents.send`), for the bridge to hand to the page;
 * - POST /rpc/<call> and GET /events: the specs' own setup calls and the secret scan's event recorder, as
 *   the app's main frame. Refused to a browser: the page must go over IPC.
 * Everything but the app's pages needs the token.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as Double from '../../../src/main/shell/test-support/electron-double';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'keychain-service': { type: 'string' },
    'no-samples': { type: 'boolean', default: false },
  },
});
if (values['data-dir']) process.env.INGEST_DESK_DATA_DIR = values['data-dir'];
if (values['keychain-service']) process.env.INGEST_DESK_KEYCHAIN_SERVICE = values['keychain-service'];
if (values['no-samples']) process.env.INGEST_DESK_SAMPLES = '0';

const electron = (await import('electron')) as unknown as typeof Double;
const { app, BrowserWindow, ipcMain, protocol } = electron;

await import(pathToFileURL(join(process.cwd(), 'out/main/index.js')).href);
app.fireReady();
while (BrowserWindow.all.length === 0) {
  if (app.exitCode !== undefined) process.exit(app.exitCode);
  await new Promise((resolve) => setTimeout(resolve, 10));
}
const window = BrowserWindow.all[0] as Double.BrowserWindowDouble;
const contents = window.webContents;
const token = randomBytes(24).toString('base64url');
let origin = '';

/** The URL Electron would report for a frame of this page: its origin here is app://desk there. */
const asElectronUrl = (url: string) => (url.startsWith(`${origin}/`) ? `app://desk/${url.slice(origin.length + 1)}` : url);

async function body(request: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : {};
}

function json(response: ServerResponse, value: unknown, status = 200): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
}

function stream(response: ServerResponse, write: (channel: string, payload: unknown) => string): void {
  response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
  response.write(':\n\n');
  const forward = (channel: string, payload: unknown) => response.write(write(channel, payload));
  contents.on('double:sent', forward);
  response.on('close', () => contents.off('double:sent', forward));
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', origin);
  const authorized = request.headers.authorization === `Bearer ${token}`;
  const fromBrowser = /Chrome\//.test(request.headers['user-agent'] ?? '');
  if (url.pathname === '/ipc' && request.method === 'POST' && authorized) {
    const { channel, args, frameUrl, isMainFrame } = (await body(request)) as {
      channel: string;
      args: unknown[];
      frameUrl: string;
      isMainFrame: boolean;
    };
    const frame = new electron.WebFrameDouble(asElectronUrl(frameUrl), isMainFrame ? null : contents.mainFrame);
    try {
      return json(response, { value: await ipcMain.invoke({ frame, contents }, channel, ...args) });
    } catch (error) {
      return json(response, { thrown: error instanceof Error ? error.message : String(error) });
    }
  }
  if (url.pathname === '/ipc-events' && authorized)
    return stream(response, (channel, payload) => `${JSON.stringify([channel, payload])}\n`);
  if (url.pathname.startsWith('/rpc/') && request.method === 'POST' && authorized && !fromBrowser) {
    const channel = `rpc:${decodeURIComponent(url.pathname.slice(5))}`;
    return json(response, await ipcMain.invoke({ frame: contents.mainFrame, contents }, channel, await body(request)));
  }
  if (url.pathname === '/events' && authorized && !fromBrowser) {
    return stream(response, (channel, payload) => `event: ${channel.replace(/^event:/, '')}\ndata: ${JSON.stringify(payload)}\n\n`);
  }
  if (request.method !== 'GET' || ['/ipc', '/ipc-events', '/events'].includes(url.pathname) || url.pathname.startsWith('/rpc/')) {
    return json(response, { ok: false, error: { code: 'FORBIDDEN', message: 'IPC host: not for this caller' } }, 403);
  }
  const served = await protocol.fetch(`app://desk${url.pathname}`);
  response.writeHead(served.status, Object.fromEntries(served.headers)).end(Buffer.from(await served.arrayBuffer()));
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => json(response, { thrown: String(error) }, 500));
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  process.stdout.write(`serving ${origin}/?token=${token}\n`);
});

// As serve.js: SIGTERM / SIGINT quit the app through its own quit sequence (stores flushed, lock released).
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    server.closeAllConnections();
    server.close();
    app.quit();
    const timer = setInterval(() => {
      if (app.exitCode === undefined) return;
      clearInterval(timer);
      process.exit(app.exitCode);
    }, 10);
  });
}
