import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_client';
import type { Site } from '../../../shared/trtc/sites';
import { sdkEndpointFor } from '../../trtc/endpoint-routing';

export type TrtcClient = InstanceType<typeof Client>;

export interface ClientSetup {
  secretId: string;
  secretKey: string;
  region?: string;
  site?: Site;
  /** Seconds, as the SDK counts them. */
  reqTimeout?: number;
}

/** The official SDK client, routed to a local port exactly as the app routes it (service trtc, real Host). */
export function sandboxClient(port: number, setup: ClientSetup): TrtcClient {
  const endpoint = sdkEndpointFor(setup.site ?? 'china', { scheme: 'http', host: '127.0.0.1', port });
  return new Client({
    credential: { secretId: setup.secretId, secretKey: setup.secretKey },
    region: setup.region ?? 'ap-guangzhou',
    profile: {
      httpProfile: {
        endpoint: endpoint.endpoint,
        protocol: endpoint.protocol,
        reqTimeout: setup.reqTimeout ?? 10,
        ...(endpoint.agent ? { agent: endpoint.agent } : {}),
      },
    },
  });
}

/** A request exactly as the SDK put it on the wire. */
export interface CapturedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Lets the SDK sign and send one call to a throwaway local server and returns what it sent, so a
 * test can replay the genuine request with one thing changed (body, a header, the Authorization).
 */
export async function captureSdkRequest(setup: ClientSetup, call: (client: TrtcClient) => Promise<unknown>): Promise<CapturedRequest> {
  let captured: CapturedRequest | undefined;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      captured = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: flatten(request.headers),
        body: Buffer.concat(chunks).toString('utf8'),
      };
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ Response: { RequestId: 'captured' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  try {
    await call(sandboxClient((server.address() as AddressInfo).port, setup));
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  if (!captured) throw new Error('the SDK sent nothing');
  return captured;
}

/** Sends a (possibly altered) captured request to the sandbox; resolves the HTTP status and parsed body. */
export function replay(port: number, captured: CapturedRequest): Promise<{ status: number; json: ApiEnvelope }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: captured.method, path: captured.url, headers: captured.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(captured.body);
  });
}

export interface ApiEnvelope {
  Response: { RequestId: string; Error?: { Code: string; Message: string } } & Record<string, unknown>;
}

function flatten(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  // Node recomputes these for the replayed body.
  delete flat['content-length'];
  delete flat.connection;
  return flat;
}

/** The error code an SDK call rejected with ('' when it resolved). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return '';
  } catch (error) {
    return (error as { code?: string }).code ?? '';
  }
}
