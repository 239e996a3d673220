import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { apiVersion, isRegionOfSite, type Site, signingService, sites } from '../../shared/trtc/sites';
import type { Clock } from '../app/clock';
import { type ActionContext, isActionName, runAction } from './actions';
import { ApiError } from './api-error';
import type { FailureKind, FaultBook } from './faults';
import { queryParameters } from './query-params';
import type { RateLimiter } from './rate-limit';
import { verifyTc3Signature } from './tc3-signature';

/** One request as the sandbox saw it, so a test can prove what did (or did not) reach the service. */
export interface SandboxRequestRecord {
  /** X-TC-Action as received ('' when absent). */
  action: string;
  /** Auth-clock milliseconds when it arrived. */
  at: number;
  /** X-TC-Region as received ('' when absent). */
  region: string;
  outcome: 'ok' | 'error' | 'fault';
  errorCode?: string;
  fault?: FailureKind;
  /** True when the action ran (a Start created its task), even if the answer was then broken. */
  processed: boolean;
}

export interface SandboxServerDeps {
  authClock: Clock;
  secretKeyOf(secretId: string): string | undefined;
  actions: ActionContext;
  rateLimiter: RateLimiter;
  faults: FaultBook;
  record(entry: SandboxRequestRecord): void;
  /** Told the UserSig and PrivateMapKey each request carried (a test's secret scan then knows them). */
  seenTickets?: (tickets: string[]) => void;
  /** Extra routes (the CLI's control endpoint); answers true when it handled the request. */
  control?: (request: IncomingMessage, response: ServerResponse, body: Buffer) => boolean;
}

interface Answer {
  response: Record<string, unknown>;
  errorCode?: string;
  processed: boolean;
}

/** TC3-signed POSTs get at most this much body, as documented for API 3.0. */
const maxBodyBytes = 10 * 1024 * 1024;

/** The HTTP side: API 3.0 envelope on `POST /`, faults applied around the real processing. */
export function createSandboxServer(deps: SandboxServerDeps): Server {
  // Room for a 32 KB GET query string (Node's default header limit is 16 KB).
  return createServer({ maxHeaderSize: 64 * 1024 }, (request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, envelope({ Error: { Code: 'InternalError', Message: 'Internal error.' } }));
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = deps.authClock.now();
    const body = await readBody(request);
    if (deps.control?.(request, response, body ?? Buffer.alloc(0))) return;
    const action = header(request, 'x-tc-action') ?? '';
    const region = header(request, 'x-tc-region') ?? '';
    if (deps.seenTickets && body) tellTickets(body, deps.seenTickets);
    const rule = deps.faults.ruleFor(action);
    if (rule?.latencyMs) await delay(rule.latencyMs);
    const failure = deps.faults.takeFailure(action);
    if (failure && !rule?.failAfterProcessing) {
      deps.record({ action, at, region, outcome: 'fault', fault: failure, processed: false });
      return breakExchange(request, response, failure, undefined);
    }

    const answer = body === null ? tooLarge() : answerFor(request, body, action);
    const payload = envelope(rule?.echo && body ? withEcho(answer.response, body, rule.echo) : answer.response);
    if (failure) {
      deps.record({ action, at, region, outcome: 'fault', fault: failure, processed: answer.processed });
      return breakExchange(request, response, failure, payload);
    }
    deps.record({
      action,
      at,
      region,
      outcome: answer.errorCode ? 'error' : 'ok',
      ...(answer.errorCode ? { errorCode: answer.errorCode } : {}),
      processed: answer.processed,
    });
    sendJson(response, payload);
  }

  function answerFor(request: IncomingMessage, body: Buffer, action: string): Answer {
    try {
      if (request.method !== 'POST' && request.method !== 'GET')
        throw new ApiError('UnsupportedProtocol', 'Only GET and POST requests are supported.');
      if (pathOf(request) !== '/') throw new ApiError('InvalidAction', 'The API path is /.');
      const caller = verifyTc3Signature(
        { method: request.method, url: request.url ?? '/', headers: request.headers, body },
        { service: signingService, nowMs: deps.authClock.now(), secretKeyOf: deps.secretKeyOf },
      );
      if (!isActionName(action)) throw new ApiError('InvalidAction', `The action ${action.slice(0, 64) || '(none)'} does not exist.`);
      const version = header(request, 'x-tc-version');
      if (version !== apiVersion) throw new ApiError('NoSuchVersion', `The API version does not exist: use ${apiVersion}.`);
      const site = siteOf(request);
      const region = header(request, 'x-tc-region') ?? '';
      if (!isRegionOfSite(site, region))
        throw new ApiError(
          'UnsupportedRegion',
          `The region ${region.slice(0, 32) || '(none)'} is not supported on ${sites[site].endpoint}.`,
        );
      if (!deps.rateLimiter.tryAcquire(caller.secretId, action))
        throw new ApiError('RequestLimitExceeded', 'The number of requests exceeds the frequency limit (20 per second).');
      const forced = deps.faults.takeForcedError(action);
      if (forced) throw new ApiError(forced.code, forced.message);
      const fields = request.method === 'GET' ? queryParameters(request.url ?? '/') : jsonParameters(request, body);
      return { response: runAction(action, fields, deps.actions, region), processed: true };
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { response: { Error: { Code: error.code, Message: error.message } }, errorCode: error.code, processed: false };
    }
  }
}

function tellTickets(body: Buffer, seen: (tickets: string[]) => void): void {
  try {
    const fields = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const tickets = [fields.UserSig, fields.PrivateMapKey].filter((value): value is string => typeof value === 'string' && value !== '');
    if (tickets.length > 0) seen(tickets);
  } catch {
    // Not JSON: the answer says so; there is no ticket to tell.
  }
}

/** The answer with the request body echoed back (see FaultRule.echo). */
function withEcho(response: Record<string, unknown>, body: Buffer, form: 'base64' | 'base64-wrapped'): Record<string, unknown> {
  const encoded = body.toString('base64');
  const echo = form === 'base64' ? encoded : (encoded.match(/.{1,64}/g) ?? []).join('\n');
  const error = response.Error as { Code: string; Message: string } | undefined;
  if (error) return { ...response, Error: { ...error, Message: `${error.Message} Request: ${echo}` } };
  return { ...response, Echo: echo };
}

function tooLarge(): Answer {
  const code = 'RequestSizeLimitExceeded';
  return { response: { Error: { Code: code, Message: 'The request body is over 10 MB.' } }, errorCode: code, processed: false };
}

/** The site answering this Host: the international host, else the Chinese site's list. */
function siteOf(request: IncomingMessage): Site {
  const host = (header(request, 'host') ?? '').toLowerCase().replace(/:\d+$/, '');
  return host === sites.international.endpoint ? 'international' : 'china';
}

function jsonParameters(request: IncomingMessage, body: Buffer): Record<string, unknown> {
  const contentType = (header(request, 'content-type') ?? '').toLowerCase();
  if (!/^application\/json(;|$)/.test(contentType))
    throw new ApiError('InvalidParameter.BodyParamsError', 'TC3-HMAC-SHA256 POST requests carry Content-Type: application/json.');
  return parseJsonObject(body);
}

function parseJsonObject(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError('InvalidParameter.BodyParamsError', 'Failed to parse body parameters: the body is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ApiError('InvalidParameter.BodyParamsError', 'Failed to parse body parameters: the body is not a JSON object.');
  return value as Record<string, unknown>;
}

function envelope(fields: Record<string, unknown>): string {
  return JSON.stringify({ Response: { ...fields, RequestId: randomUUID() } });
}

function sendJson(response: ServerResponse, payload: string): void {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  response.end(payload);
}

/** Breaks the exchange the way networks and gateways do. `payload` is the real answer, if there was one. */
function breakExchange(request: IncomingMessage, response: ServerResponse, kind: FailureKind, payload: string | undefined): void {
  const full = payload ?? envelope({ Error: { Code: 'InternalError', Message: 'Internal error.' } });
  switch (kind) {
    case 'http-500':
    case 'http-502':
    case 'http-503': {
      const status = Number(kind.slice(5));
      const text = `<html><body><h1>${status}</h1></body></html>`;
      response.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(text) });
      response.end(text);
      return;
    }
    case 'hang':
      // Never answer: the client's own timeout must end the call. close() drops the connection.
      return;
    case 'reset':
      request.socket.resetAndDestroy();
      return;
    case 'truncated': {
      const bytes = Buffer.from(full);
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bytes.length });
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => request.socket.destroy());
      return;
    }
    case 'html': {
      const text = '<!DOCTYPE html><html><head><title>Gateway</title></head><body>Service temporarily unavailable</body></html>';
      response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(text) });
      response.end(text);
      return;
    }
  }
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) over = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function pathOf(request: IncomingMessage): string {
  return (request.url ?? '/').split('?', 1)[0] ?? '/';
}
