import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { callNames, contract, type Result } from '../../shared/contract';
import type { CallSpec } from '../../shared/contract/define';
import type { AppServices } from '../app/create-services';
import { securityHeaders } from '../security/content-security-policy';
import { readRendererFile } from '../static/renderer-files';
import { RequestGuard } from './request-guard';

export interface HttpHostOptions {
  services: Pick<AppServices, 'dispatch' | 'events'>;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest accepted request body; bigger ones get a typed INVALID_INPUT answer. */
  maxBodyBytes?: number;
  /** Bounds against slow or stuck clients (tests shorten them). */
  limits?: Partial<typeof hostLimits>;
}

/**
 * One person's browser needs a handful of connections (6 per host, one event stream per tab). A
 * client that trickles a body or stops reading events must not hold the host's memory or sockets.
 */
export const hostLimits = {
  maxConnections: 64,
  /** The whole request (headers and body) must arrive within this; a 1 MB body on loopback takes milliseconds. */
  requestTimeoutMs: 15_000,
  headersTimeoutMs: 10_000,
  /**
   * An event stream whose client leaves this much unread is closed (the page reconnects). A burst of
   * 200 task changes is about 200 KB, which a reading page takes in milliseconds.
   */
  maxUnreadEventBytes: 4 * 1024 * 1024,
  /** ...and so is one that keeps over a megabyte unread for this long. */
  stuckEventStreamMs: 5_000,
  /** One per tab is plenty; each may hold up to `maxUnreadEventBytes`. */
  maxEventStreams: 16,
};

export interface HttpHost {
  port: number;
  token: string;
  url: string;
  /** Open connections and event streams, and the event bytes not yet read (diagnostics and tests). */
  stats(): Promise<{ connections: number; eventStreams: number; unreadEventBytes: number }>;
  close(): Promise<void>;
}

const jsonHeaders = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/**
 * The same app without Electron: the built renderer and the contract over HTTP on 127.0.0.1.
 * `POST /rpc/<call>` answers the same envelope as IPC; `GET /events` is a server-sent event stream;
 * `GET /rpc` lists the calls with their input JSON schemas.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const limits = { ...hostLimits, ...options.limits };
  const streams = new Set<ServerResponse>();
  const stuckSince = new WeakMap<ServerResponse, number>();
  let guard: RequestGuard | undefined;

  const server = createServer(
    // Node checks the request and header timeouts on this interval (30 s by default).
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      connectionsCheckingInterval: 1_000,
    },
    (request, response) => {
      handle(request, response).catch(() => {
        if (!response.headersSent) sendJson(response, 500, failure('INTERNAL', 'Internal error'));
        else response.destroy();
      });
    },
  );
  server.maxConnections = limits.maxConnections;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!guard?.sameSite(request)) return refuse(request, response, 403, failure('FORBIDDEN', 'Foreign Host or Origin'));
    const path = new URL(request.url ?? '/', 'http://host').pathname;

    if (path === '/rpc' || path.startsWith('/rpc/') || path === '/events') {
      if (!guard.authorized(request)) return refuse(request, response, 401, failure('FORBIDDEN', 'Missing or wrong token'));
      if (path === '/events' && request.method === 'GET') return openEventStream(response);
      if (path === '/rpc' && request.method === 'GET') return sendJson(response, 200, { ok: true, value: describeCalls() });
      if (path.startsWith('/rpc/') && request.method === 'POST') return handleCall(request, response, path.slice(5));
      return refuse(request, response, 405, failure('INVALID_INPUT', 'Method not allowed'));
    }

    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(request, response, 405, failure('INVALID_INPUT', 'Method not allowed'));
    const file = await readRendererFile(options.rendererDir, path);
    if (!file) {
      response.writeHead(404, { ...securityHeaders, 'Content-Type': 'text/plain' });
      return void response.end('Not found');
    }
    response.writeHead(200, { ...securityHeaders, 'Content-Type': file.contentType, 'Cache-Control': 'no-cache' });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  async function handleCall(request: IncomingMessage, response: ServerResponse, rawName: string): Promise<void> {
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      return sendJson(response, 200, failure('UNKNOWN_CALL', 'Unknown call'));
    }
    const body = await readBody(request, maxBodyBytes);
    if (body === 'too-large') return refuse(request, response, 413, failure('INVALID_INPUT', `Request body over ${maxBodyBytes} bytes`));
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(response, 200, failure('INVALID_INPUT', 'Request body is not JSON'));
    }
    // The connection closing before the answer is written means the caller went away (a closed tab,
    // a cancelled fetch, the host closing); after the answer, the call's work belongs to the app.
    const caller = new AbortController();
    response.once('close', () => {
      if (!response.writableFinished) caller.abort(new Error('The caller went away'));
    });
    const began = performance.now();
    const result = await options.services.dispatch(name, input, { transport: 'browser', signal: caller.signal });
    // The call's time inside the host (validation and handler), for the browser's network panel and the benches.
    response.setHeader('Server-Timing', `dispatch;dur=${(performance.now() - began).toFixed(2)}`);
    sendJson(response, 200, result);
  }

  function openEventStream(response: ServerResponse): void {
    if (streams.size >= limits.maxEventStreams) {
      sendJson(response, 429, failure('INVALID_INPUT', `At most ${limits.maxEventStreams} event streams at once`));
      return;
    }
    response.on('drain', () => stuckSince.delete(response));
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  /** Writes to every stream; one whose client stopped reading is closed instead of buffering without end. */
  function broadcast(frame: string): void {
    const now = Date.now();
    for (const stream of streams) {
      const unread = stream.writableLength;
      if (unread > 1024 * 1024 && !stuckSince.has(stream)) stuckSince.set(stream, now);
      const stuckFor = now - (stuckSince.get(stream) ?? now);
      if (unread + frame.length > limits.maxUnreadEventBytes || stuckFor > limits.stuckEventStreamMs) {
        streams.delete(stream);
        stream.destroy();
      } else stream.write(frame);
    }
  }

  const unsubscribe = options.services.events.subscribe((event, payload) => {
    broadcast(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => broadcast(': ping\n\n'), 15_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard = new RequestGuard(token, port);

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    stats: async () => ({
      connections: await new Promise<number>((resolve) => server.getConnections((_error, count) => resolve(count))),
      eventStreams: streams.size,
      unreadEventBytes: [...streams].reduce((sum, stream) => sum + stream.writableLength, 0),
    }),
    close: async () => {
      unsubscribe();
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function describeCalls() {
  return callNames.map((name) => {
    const [domain, method] = name.split('.') as [keyof typeof contract, string];
    const spec = (contract[domain] as Record<string, CallSpec>)[method] as CallSpec;
    return { name, input: z.toJSONSchema(spec.input, { unrepresentable: 'any' }) };
  });
}

function failure(code: 'FORBIDDEN' | 'INVALID_INPUT' | 'UNKNOWN_CALL' | 'INTERNAL', message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Answers a refused request and closes its connection: a client that sends a body slowly after being
 * refused (one byte every few seconds) would otherwise hold the connection while Node reads it all.
 */
function refuse(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
  response.setHeader('Connection', 'close');
  response.on('finish', () => {
    if (!request.complete) request.socket.destroy();
  });
  sendJson(response, status, body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, jsonHeaders);
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage, limit: number): Promise<string | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
