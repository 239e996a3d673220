import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TrtcSandbox } from './index';
import { app, clientSetup, startRequest, startTestSandbox } from './test-support/fixture';
import { sandboxClient } from './test-support/sdk-client';

let sandbox: TrtcSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.faults.clear());

const describeCall = { SdkAppId: app.sdkAppId, TaskId: 'some-task' };

/** What the SDK rejected with: its code, HTTP status and message. */
async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const { code, httpCode, message, requestId } = error as { code?: string; httpCode?: number; message: string; requestId?: string };
    return { code, httpCode, message, requestId, name: (error as Error).name };
  }
  throw new Error('the call succeeded');
}

describe('faults as the official SDK sees them', () => {
  it('adds latency', async () => {
    sandbox.faults.set('DescribeStreamIngest', { latencyMs: 300 });
    const started = performance.now();
    await sandboxClient(sandbox.port, clientSetup).DescribeStreamIngest(describeCall);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it.each([500, 502, 503] as const)('answers HTTP %i', async (status) => {
    sandbox.faults.set('DescribeStreamIngest', { failure: `http-${status}` });
    const failure = await failureOf(sandboxClient(sandbox.port, clientSetup).DescribeStreamIngest(describeCall));
    expect(failure.httpCode).toBe(status);
    expect(failure.code).toBeUndefined();
  });

  it('hangs past the client’s reqTimeout', async () => {
    sandbox.faults.set('DescribeStreamIngest', { failure: 'hang' });
    const started = performance.now();
    const failure = await failureOf(sandboxClient(sandbox.port, { ...clientSetup, reqTimeout: 1 }).DescribeStreamIngest(describeCall));
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(failure.message).toMatch(/timeout/i);
    expect(failure.requestId).toBe('');
  });

  it('resets the connection', async () => {
    sandbox.faults.set('DescribeStreamIngest', { failure: 'reset' });
    const failure = await failureOf(sandboxClient(sandbox.port, clientSetup).DescribeStreamIngest(describeCall));
    expect(failure.message).toMatch(/ECONNRESET|socket hang up/);
    expect(failure.code).toBeUndefined();
  });

  it('cuts the body short, which the SDK only notices at its reqTimeout', async () => {
    // node-fetch 2 (inside the SDK) misses a socket closed before Content-Length bytes: it reports a timeout.
    sandbox.faults.set('DescribeStreamIngest', { failure: 'truncated' });
    const started = performance.now();
    const failure = await failureOf(sandboxClient(sandbox.port, { ...clientSetup, reqTimeout: 1 }).DescribeStreamIngest(describeCall));
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(failure.code).toBeUndefined();
    expect(failure.message).toMatch(/timeout/i);
    expect(sandbox.requests().at(-1)).toMatchObject({ outcome: 'fault', fault: 'truncated' });
  });

  it('answers an HTML page with status 200', async () => {
    sandbox.faults.set('*', { failure: 'html' });
    const failure = await failureOf(sandboxClient(sandbox.port, clientSetup).DescribeStreamIngest(describeCall));
    expect(failure.code).toBeUndefined();
    expect(failure.message).toMatch(/invalid json|Unexpected token/i);
  });

  it('answers a given error code for the next N calls only, for that action only', async () => {
    sandbox.faults.set('DescribeStreamIngest', { error: { code: 'InternalError', times: 2 } });
    const client = sandboxClient(sandbox.port, clientSetup);
    expect((await failureOf(client.DescribeStreamIngest(describeCall))).code).toBe('InternalError');
    expect((await failureOf(client.StopStreamIngest(describeCall))).code).toBe('InvalidParameter.TaskId');
    expect((await failureOf(client.DescribeStreamIngest(describeCall))).code).toBe('InternalError');
    expect((await client.DescribeStreamIngest(describeCall)).Status).toBe('NotExist');
  });

  it('can break the answer after a Start really created its task: the ambiguous case', async () => {
    sandbox.faults.set('StartStreamIngest', { failure: 'reset', failAfterProcessing: true });
    const before = sandbox.tasks().length;
    await failureOf(sandboxClient(sandbox.port, clientSetup).request('StartStreamIngest', startRequest()));
    expect(sandbox.tasks()).toHaveLength(before + 1);
    expect(sandbox.requests().at(-1)).toMatchObject({ action: 'StartStreamIngest', outcome: 'fault', fault: 'reset', processed: true });
  });

  it('breaks only the next N exchanges when failureTimes is set, after processing if asked', async () => {
    sandbox.faults.set('StartStreamIngest', { failure: 'reset', failureTimes: 1, failAfterProcessing: true });
    const client = sandboxClient(sandbox.port, clientSetup);
    const before = sandbox.tasks().length;
    await failureOf(client.request('StartStreamIngest', startRequest({ RoomId: '7001' })));
    expect(sandbox.tasks()).toHaveLength(before + 1);
    expect(sandbox.faults.list()).toEqual({ StartStreamIngest: { failAfterProcessing: true } });
    const answered = (await client.request('StartStreamIngest', startRequest({ RoomId: '7002' }))) as { TaskId?: string };
    expect(answered.TaskId).toEqual(expect.any(String));
    expect(
      sandbox
        .requests()
        .slice(-2)
        .map((request) => request.outcome),
    ).toEqual(['fault', 'ok']);
  });

  it('breaks nothing once cleared', async () => {
    sandbox.faults.set('DescribeStreamIngest', { failure: 'http-503' });
    sandbox.faults.clear('DescribeStreamIngest');
    expect(sandbox.faults.list()).toEqual({});
    expect((await sandboxClient(sandbox.port, clientSetup).DescribeStreamIngest(describeCall)).Status).toBe('NotExist');
  });
});
