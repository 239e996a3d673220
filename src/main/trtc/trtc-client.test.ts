import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCallRecord } from './api-call-record';
import { withCallContext } from './call-context';
import { type StartIngestRequest, TrtcClient, type TrtcConnection } from './trtc-client';

// A real HTTP server on loopback stands in for the API: the SDK signs, sends and parses for real.
type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const servers: Server[] = [];
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serve(handler: Handler): Promise<number> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => handler(request, body, response));
  });
  server.on('connection', (socket) => sockets.add(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const secretKey = 'test-secret-key-0123456789abcdef';
const userSig = 'eJyrVkpJLVKyUkrLz7dSMjIwMlGqBQBBtwYO-user-sig-value';
const privateMapKey = 'eJyrVkpJLVKyUkrLz7dSMjIwMlGqBQBBtwYO-private-map-key';

function client(port: number, records: ApiCallRecord[], timeoutSeconds = 5): TrtcClient {
  const connection: TrtcConnection = {
    profileId: 'p1',
    profileName: 'Test profile',
    secretId: 'AKIDtestsecretid0000000000000000001234',
    secretKey,
    site: 'international',
    region: 'ap-singapore',
    target: { scheme: 'http', host: '127.0.0.1', port },
    sandbox: false,
  };
  return new TrtcClient(connection, {
    appVersion: '0.1.0',
    timeoutSeconds,
    clock: { now: () => Date.parse('2026-01-02T03:04:05Z') },
    recorder: { record: (entry) => records.push(entry) },
  });
}

const start: StartIngestRequest = {
  SdkAppId: 1400000001,
  RoomId: '1234',
  RoomIdType: 1,
  UserId: 'robot_1',
  UserSig: userSig,
  PrivateMapKey: privateMapKey,
  StreamUrl: 'https://media.example/a.mp4',
};

function answer(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ Response: body }));
}

describe('TrtcClient against a local HTTP server', () => {
  it('signs as production (service trtc, the real Host) and returns the TaskId', async () => {
    const seen: { host?: string; authorization?: string; action?: string; body?: Record<string, unknown> } = {};
    const port = await serve((request, body, response) => {
      seen.host = request.headers.host;
      seen.authorization = String(request.headers.authorization);
      seen.action = String(request.headers['x-tc-action']);
      seen.body = JSON.parse(body);
      answer(response, { TaskId: 'task-1', RequestId: 'req-1' });
    });
    const records: ApiCallRecord[] = [];
    const trtc = client(port, records);
    expect(await trtc.startStreamIngest(start, 'launch')).toEqual({ taskId: 'task-1', requestId: 'req-1' });
    trtc.close();
    expect(seen.host).toBe('trtc.intl.tencentcloudapi.com');
    expect(seen.authorization).toMatch(
      /^TC3-HMAC-SHA256 Credential=AKIDtestsecretid0000000000000000001234\/\d{4}-\d{2}-\d{2}\/trtc\/tc3_request, /,
    );
    expect(seen.action).toBe('StartStreamIngest');
    // The server gets the real tickets; the record never does.
    expect(seen.body?.UserSig).toBe(userSig);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      at: '2026-01-02T03:04:05.000Z',
      action: 'StartStreamIngest',
      purpose: 'launch',
      profileId: 'p1',
      outcome: 'ok',
      requestId: 'req-1',
      response: { TaskId: 'task-1' },
      sdkAppId: 1400000001,
      roomId: '1234',
      // The Start's own row carries the TaskId it created: the task's history in the log begins here.
      taskId: 'task-1',
      region: 'ap-singapore',
      params: { UserSig: '[redacted]', PrivateMapKey: '[redacted]', StreamUrl: 'https://media.example/a.mp4' },
    });
    expect(JSON.stringify(records)).not.toContain(userSig);
    expect(JSON.stringify(records)).not.toContain(privateMapKey);
    expect(JSON.stringify(records)).not.toContain(secretKey);
  });

  it('turns an API Error into TRTC_API_ERROR with the code and RequestId, and never echoes a ticket', async () => {
    const port = await serve((_request, _body, response) =>
      answer(response, { Error: { Code: 'InvalidParameter.UserSig', Message: `bad sig ${userSig}` }, RequestId: 'req-err' }),
    );
    const records: ApiCallRecord[] = [];
    const failure = await client(port, records)
      .startStreamIngest(start, 'launch')
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'TRTC_API_ERROR',
      details: { trtcCode: 'InvalidParameter.UserSig', requestId: 'req-err', retryable: false },
    });
    expect((failure as Error).message).not.toContain(userSig);
    expect(records[0]).toMatchObject({ outcome: 'api-error', errorCode: 'InvalidParameter.UserSig', requestId: 'req-err' });
    expect(JSON.stringify(records)).not.toContain(userSig);
  });

  it('an endpoint that echoes the body back (base64, wrapped in lines) leaves no ticket in the record, the error or the answer', async () => {
    const echoOf = (body: string, wrap: boolean) => {
      const encoded = Buffer.from(body).toString('base64');
      return wrap ? (encoded.match(/.{1,64}/g) ?? []).join('\n') : encoded;
    };
    const holdsTicket = (text: string) => {
      const flat = text.replace(/\r|\n|\\r|\\n/g, '');
      return [userSig, privateMapKey].some((ticket) =>
        [0, 1, 2].some((shift) => {
          const bytes = Buffer.from(ticket);
          const whole = bytes.subarray(shift, shift + Math.floor((bytes.length - shift) / 3) * 3);
          return flat.includes(whole.toString('base64')) || flat.includes(ticket);
        }),
      );
    };
    for (const wrap of [false, true]) {
      const good = await serve((_request, body, response) =>
        answer(response, { TaskId: 'task-1', Echo: echoOf(body, wrap), RequestId: 'r1' }),
      );
      const bad = await serve((_request, body, response) =>
        answer(response, { Error: { Code: 'InternalError', Message: `failed: ${echoOf(body, wrap)}` }, RequestId: echoOf(body, wrap) }),
      );
      const records: ApiCallRecord[] = [];
      const answered = await client(good, records).startStreamIngest(start, 'launch');
      const failure = await client(bad, records)
        .startStreamIngest(start, 'launch')
        .catch((error: unknown) => error);
      expect(answered.taskId).toBe('task-1');
      expect(records).toHaveLength(2);
      expect(JSON.stringify(records).includes('[redacted]')).toBe(true);
      expect(holdsTicket(JSON.stringify(records)), `records, wrapped ${wrap}`).toBe(false);
      expect(holdsTicket(JSON.stringify({ message: (failure as Error).message, details: (failure as { details: unknown }).details }))).toBe(
        false,
      );
    }
  });

  it('marks rate limits and internal errors retryable', async () => {
    const port = await serve((_request, _body, response) =>
      answer(response, { Error: { Code: 'RequestLimitExceeded', Message: 'slow down' }, RequestId: 'req-rl' }),
    );
    await expect(client(port, []).describeStreamIngest({ SdkAppId: 1, TaskId: 't' }, 'poll')).rejects.toMatchObject({
      code: 'TRTC_API_ERROR',
      details: { retryable: true },
    });
  });

  it("files Describe, Update and Stop under the task's room, and a connection test under its profile only", async () => {
    const port = await serve((_request, _body, response) => answer(response, { Status: 'InProgress', RequestId: 'req-r' }));
    const records: ApiCallRecord[] = [];
    const trtc = client(port, records);
    await withCallContext({ roomId: '1234' }, async () => {
      await trtc.describeStreamIngest({ SdkAppId: 1400000001, TaskId: 'Task-AbC' }, 'poll');
      await trtc.updateStreamIngest({ SdkAppId: 1400000001, TaskId: 'Task-AbC', IsPause: true }, 'control');
      await trtc.stopStreamIngest({ SdkAppId: 1400000001, TaskId: 'Task-AbC' }, 'stop');
    });
    await trtc.describeStreamIngest({ SdkAppId: 1400000000, TaskId: 'made-up-id' }, 'test-connection');
    trtc.close();
    for (const record of records.slice(0, 3))
      expect(record).toMatchObject({ sdkAppId: 1400000001, roomId: '1234', taskId: 'Task-AbC', region: 'ap-singapore' });
    const test = records[3] as ApiCallRecord;
    expect(test).toMatchObject({ purpose: 'test-connection', profileName: 'Test profile', params: { TaskId: 'made-up-id' } });
    expect(test).not.toHaveProperty('sdkAppId');
    expect(test).not.toHaveProperty('taskId');
  });

  it('answers Describe with the status', async () => {
    const port = await serve((_request, _body, response) => answer(response, { Status: 'NotExist', RequestId: 'req-d' }));
    const records: ApiCallRecord[] = [];
    expect(await client(port, records).describeStreamIngest({ SdkAppId: 1, TaskId: 't-9' }, 'poll')).toEqual({
      status: 'NotExist',
      requestId: 'req-d',
    });
    expect(records[0]).toMatchObject({ outcome: 'ok', taskId: 't-9', response: { Status: 'NotExist' } });
  });

  it('a timeout after sending is OUTCOME_UNKNOWN for Start and TIMEOUT for Describe', async () => {
    const port = await serve(() => {
      // Read the request, never answer.
    });
    const records: ApiCallRecord[] = [];
    const trtc = client(port, records, 0.3);
    await expect(trtc.startStreamIngest(start, 'launch')).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    await expect(trtc.describeStreamIngest({ SdkAppId: 1, TaskId: 't' }, 'poll')).rejects.toMatchObject({
      code: 'TIMEOUT',
      details: { notSent: false },
    });
    trtc.close();
    expect(records.map((record) => record.outcome)).toEqual(['unknown', 'unknown']);
    expect(records[0]?.latencyMs).toBeGreaterThanOrEqual(250);
  });

  it('a connection reset after sending is OUTCOME_UNKNOWN for Start', async () => {
    const port = await serve((request) => request.socket.destroy());
    const records: ApiCallRecord[] = [];
    await expect(client(port, records).startStreamIngest(start, 'launch')).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    expect(records[0]?.outcome).toBe('unknown');
  });

  it('a refused connection is NETWORK_ERROR with notSent, also for Start', async () => {
    const records: ApiCallRecord[] = [];
    const trtc = client(await closedPort(), records);
    await expect(trtc.startStreamIngest(start, 'launch')).rejects.toMatchObject({ code: 'NETWORK_ERROR', details: { notSent: true } });
    expect(records[0]).toMatchObject({ outcome: 'not-sent', errorCode: 'NETWORK_ERROR' });
  });

  it('a non-200 answer from a gateway is an unknown outcome for Start', async () => {
    const port = await serve((_request, _body, response) => {
      response.writeHead(502);
      response.end('bad gateway');
    });
    const records: ApiCallRecord[] = [];
    await expect(client(port, records).startStreamIngest(start, 'launch')).rejects.toMatchObject({
      code: 'OUTCOME_UNKNOWN',
      details: { httpStatus: 502 },
    });
    await expect(client(port, records).stopStreamIngest({ SdkAppId: 1, TaskId: 't' }, 'control')).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      details: { notSent: false },
    });
  });

  it('still returns the TaskId when the recorder throws', async () => {
    const port = await serve((_request, _body, response) => answer(response, { TaskId: 'task-2', RequestId: 'r' }));
    const trtc = new TrtcClient(
      {
        profileId: 'p',
        profileName: 'p',
        secretId: 'AKIDxxxxxxxx',
        secretKey,
        site: 'china',
        region: 'ap-guangzhou',
        target: { scheme: 'http', host: '127.0.0.1', port },
        sandbox: true,
      },
      {
        appVersion: '0',
        recorder: {
          record: () => {
            throw new Error('disk full');
          },
        },
      },
    );
    expect((await trtc.startStreamIngest(start, 'launch')).taskId).toBe('task-2');
  });
});
