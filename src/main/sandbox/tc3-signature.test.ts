import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkEndpointFor } from '../trtc/endpoint-routing';
import type { TrtcSandbox } from './index';
import { app, clientSetup, credential, startRequest, startTestSandbox } from './test-support/fixture';
import { type CapturedRequest, captureSdkRequest, codeOf, replay, sandboxClient } from './test-support/sdk-client';

const describeCall = { SdkAppId: app.sdkAppId, TaskId: 'no-such-task' };

describe('TC3-HMAC-SHA256 verification, through the official SDK', () => {
  let sandbox: TrtcSandbox;
  let genuine: CapturedRequest;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    genuine = await captureSdkRequest(clientSetup, (client) => client.DescribeStreamIngest(describeCall));
  });
  afterAll(() => sandbox.close());

  it('accepts a request the SDK signed, sent to the real host name through the routed agent', async () => {
    const answer = await sandboxClient(sandbox.port, clientSetup).DescribeStreamIngest(describeCall);
    expect(answer.Status).toBe('NotExist');
    expect(answer.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(genuine.headers.host).toBe('trtc.tencentcloudapi.com');
  });

  it('accepts the captured genuine request replayed unchanged (the replay itself is faithful)', async () => {
    const { json } = await replay(sandbox.port, genuine);
    expect(json.Response.Error).toBeUndefined();
    expect(json.Response.Status).toBe('NotExist');
  });

  it('refuses a signature made with the wrong SecretKey', async () => {
    const client = sandboxClient(sandbox.port, { ...credential, secretKey: 'not-the-key' });
    expect(await codeOf(client.DescribeStreamIngest(describeCall))).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses an unknown SecretId', async () => {
    const client = sandboxClient(sandbox.port, { ...credential, secretId: 'AKIDunknown' });
    expect(await codeOf(client.DescribeStreamIngest(describeCall))).toBe('AuthFailure.SecretIdNotFound');
  });

  it('refuses a body changed after signing', async () => {
    const tampered = { ...genuine, body: genuine.body.replace('no-such-task', 'another-task') };
    expect((await replay(sandbox.port, tampered)).json.Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses signed headers whose values changed after signing (Host, Content-Type)', async () => {
    const otherHost = { ...genuine, headers: { ...genuine.headers, host: 'trtc.intl.tencentcloudapi.com' } };
    expect((await replay(sandbox.port, otherHost)).json.Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
    const otherType = { ...genuine, headers: { ...genuine.headers, 'content-type': 'application/json; charset=utf-8' } };
    expect((await replay(sandbox.port, otherType)).json.Response.Error?.Code).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses SignedHeaders that lie about what was signed', async () => {
    const claim = (list: string) => ({
      ...genuine,
      headers: {
        ...genuine.headers,
        authorization: genuine.headers.authorization?.replace('SignedHeaders=content-type;host', `SignedHeaders=${list}`) ?? '',
      },
    });
    expect((await replay(sandbox.port, claim('content-type;host;x-tc-action'))).json.Response.Error?.Code).toBe(
      'AuthFailure.SignatureFailure',
    );
    expect((await replay(sandbox.port, claim('content-type;host;x-not-sent'))).json.Response.Error?.Code).toBe(
      'AuthFailure.SignatureFailure',
    );
    expect((await replay(sandbox.port, claim('content-type'))).json.Response.Error?.Code).toBe('AuthFailure.InvalidAuthorization');
    expect((await replay(sandbox.port, claim('host;content-type'))).json.Response.Error?.Code).toBe('AuthFailure.InvalidAuthorization');
  });

  it('refuses a credential scope with another date or another service', async () => {
    const authorization = genuine.headers.authorization ?? '';
    const date = /\/(\d{4}-\d{2}-\d{2})\//.exec(authorization)?.[1] ?? '';
    const dayBefore = new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);
    const otherDate = { ...genuine, headers: { ...genuine.headers, authorization: authorization.replace(date, dayBefore) } };
    expect((await replay(sandbox.port, otherDate)).json.Response.Error?.Code).toBe('AuthFailure.SignatureFailure');

    // The pitfall the endpoint routing avoids: pointing the SDK at 127.0.0.1 signs as service "127".
    const naive = new Client({
      credential,
      region: 'ap-guangzhou',
      profile: { httpProfile: { endpoint: `127.0.0.1:${sandbox.port}`, protocol: 'http://' } },
    });
    expect(await codeOf(naive.DescribeStreamIngest(describeCall))).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses a malformed or missing Authorization header', async () => {
    for (const authorization of [
      '',
      'Bearer abc',
      'TC3-HMAC-SHA256 Credential=x',
      'HMAC-SHA1 Credential=AKID/2026-01-01/trtc/tc3_request, SignedHeaders=content-type;host, Signature=00',
    ]) {
      const request = { ...genuine, headers: { ...genuine.headers, authorization } };
      expect((await replay(sandbox.port, request)).json.Response.Error?.Code, authorization).toBe('AuthFailure.InvalidAuthorization');
    }
    const { authorization: _dropped, ...withoutAuthorization } = genuine.headers;
    expect((await replay(sandbox.port, { ...genuine, headers: withoutAuthorization })).json.Response.Error?.Code).toBe(
      'AuthFailure.InvalidAuthorization',
    );
  });

  it('refuses a wrong Version with NoSuchVersion and an unknown Action with InvalidAction', async () => {
    const version = { ...genuine, headers: { ...genuine.headers, 'x-tc-version': '2020-01-01' } };
    expect((await replay(sandbox.port, version)).json.Response.Error?.Code).toBe('NoSuchVersion');
    const client = sandboxClient(sandbox.port, clientSetup);
    expect(await codeOf(client.request('DescribeRoomInfo', { SdkAppId: app.sdkAppId }))).toBe('InvalidAction');
  });

  it('answers PUT with UnsupportedProtocol, and accepts a TC3-signed GET with its parameters in the query string', async () => {
    expect((await replay(sandbox.port, { ...genuine, method: 'PUT' })).json.Response.Error?.Code).toBe('UnsupportedProtocol');
    const getClient = new Client({
      credential,
      region: 'ap-guangzhou',
      profile: { httpProfile: { ...sdkRouting(sandbox.port), reqMethod: 'GET' } },
    });
    expect((await getClient.DescribeStreamIngest(describeCall)).Status).toBe('NotExist');
    const started = await getClient.request(
      'StartStreamIngest',
      startRequest({ RoomId: '424242', Volume: 80, Tempo: 1.5, EnableProgress: true }),
    );
    expect(sandbox.tasks().find((task) => task.TaskId === started.TaskId)).toMatchObject({ Volume: 80, Tempo: 1.5, EnableProgress: true });
    expect(await codeOf(getClient.request('DescribeStreamIngest', { SdkAppId: 'abc', TaskId: 'x' }))).toBe('InvalidParameter.SdkAppId');
    expect(await codeOf(getClient.request('StartStreamIngest', startRequest({ RoomId: '424243', AutoPush: 'yes' })))).toBe(
      'InvalidParameter.BodyParamsError',
    );
  });

  it('answers a correctly signed form-encoded POST with BodyParamsError (TC3 JSON calls are application/json)', async () => {
    const formClient = new Client({
      credential,
      region: 'ap-guangzhou',
      profile: { httpProfile: { ...sdkRouting(sandbox.port), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } } },
    });
    expect(await codeOf(formClient.DescribeStreamIngest(describeCall))).toBe('InvalidParameter.BodyParamsError');
  });

  it('refuses a body over 10 MB before reading it as JSON', async () => {
    const huge = { ...genuine, body: JSON.stringify({ ...describeCall, Padding: 'x'.repeat(10 * 1024 * 1024) }) };
    expect((await replay(sandbox.port, huge)).json.Response.Error?.Code).toBe('RequestSizeLimitExceeded');
  });
});

describe('timestamp skew (the sandbox clock moved, the SDK signs with the real one)', () => {
  const skewed = async (offsetMs: number) => {
    const sandbox = await startTestSandbox({ authClock: { now: () => Date.now() + offsetMs } });
    try {
      return await codeOf(sandboxClient(sandbox.port, clientSetup).DescribeStreamIngest(describeCall));
    } finally {
      await sandbox.close();
    }
  };

  it('refuses a client clock more than 300 s behind or ahead', async () => {
    expect(await skewed(310_000)).toBe('AuthFailure.SignatureExpire');
    expect(await skewed(-310_000)).toBe('AuthFailure.SignatureExpire');
  });

  it('accepts a client clock within 300 s either way', async () => {
    expect(await skewed(280_000)).toBe('');
    expect(await skewed(-280_000)).toBe('');
  });
});

describe('region check by site', () => {
  let sandbox: TrtcSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  const codeFor = (site: 'china' | 'international', region: string) =>
    codeOf(sandboxClient(sandbox.port, { ...clientSetup, site, region }).DescribeStreamIngest(describeCall));

  it('takes the site from the Host header and checks the region against its list', async () => {
    expect(await codeFor('china', 'ap-beijing')).toBe('');
    expect(await codeFor('international', 'ap-beijing')).toBe('UnsupportedRegion');
    expect(await codeFor('international', 'ap-singapore')).toBe('');
    expect(await codeFor('china', 'mars-north-1')).toBe('UnsupportedRegion');
  });
});

function sdkRouting(port: number) {
  const { endpoint, protocol, agent } = sdkEndpointFor('china', { scheme: 'http', host: '127.0.0.1', port });
  return { endpoint, protocol, ...(agent ? { agent } : {}) };
}
