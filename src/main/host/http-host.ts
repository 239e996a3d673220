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
}

export interface HttpHost {
  port: number;
  token: string;
  url: string;
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
  const streams = new Set<ServerResponse>();
  let guard: RequestGuard | undefined;

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, failure('INTERNAL', 'Internal error'));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!guard?.sameSite(request)) return sendJson(response, 403, failure('FORBIDDEN', 'Foreign Host or Origin'));
    const path = new URL(request.url ?? '/', 'http://host').pathname;

    if (path === '/rpc' || path.startsWith('/rpc/') || path === '/events') {
      if (!guard.authorized(request)) return sendJson(response, 401, failure('FORBIDDEN', 'Missing or wrong token'));
      if (path === '/events' && request.method === 'GET') return openEventStream(response);
      if (path === '/rpc' && request.method === 'GET') return sendJson(response, 200, { ok: true, value: describeCalls() });
      if (path.startsWith('/rpc/') && request.method === 'POST') return handleCall(request, response, path.slice(5));
      return sendJson(response, 405, failure('INVALID_INPUT', 'Method not allowed'));
    }

    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendJson(response, 405, failure('INVALID_INPUT', 'Method not allowed'));
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
    if (body === 'too-large') return sendJson(response, 413, failure('INVALID_INPUT', `Request body over ${maxBodyBytes} bytes`));
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return sendJson(response, 200, failure('INVALID_INPUT', 'Request body is not JSON'));
    }
    const began = performance.now();
    const result = await options.services.dispatch(name, input);
    // The call's time inside the host (validation and handler), for the browser's network panel and the benches.
    response.setHeader('Server-Timing', `dispatch;dur=${(performance.now() - began).toFixed(2)}`);
    sendJson(response, 200, result);
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  const unsubscribe = options.services.events.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of streams) stream.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n');
  }, 15_000);
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
