import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrtcSandbox } from './index';
import { app, clientSetup, credential, startTestSandbox } from './test-support/fixture';
import { codeOf, sandboxClient } from './test-support/sdk-client';

describe('20 requests per second per action per SecretId', () => {
  // The limiter reads the auth clock: held still here, so every call falls in the same second however slow the machine.
  let authNow = Date.now();
  let sandbox: TrtcSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({
      authClock: { now: () => authNow },
      credentials: [credential, { secretId: 'AKIDsecond', secretKey: 'second-key' }],
    });
  });
  afterAll(() => sandbox.close());
  const describeCall = { SdkAppId: app.sdkAppId, TaskId: 'some-task' };

  it('answers RequestLimitExceeded past 20 in a second, counts each action and SecretId apart, and recovers a second later', async () => {
    const client = sandboxClient(sandbox.port, clientSetup);
    const codes = await Promise.all(Array.from({ length: 25 }, () => codeOf(client.DescribeStreamIngest(describeCall))));
    expect(codes.filter((code) => code === '')).toHaveLength(20);
    expect(codes.filter((code) => code === 'RequestLimitExceeded')).toHaveLength(5);
    expect(sandbox.requests().filter((entry) => entry.errorCode === 'RequestLimitExceeded')).toHaveLength(5);

    expect(await codeOf(client.StopStreamIngest(describeCall))).toBe('InvalidParameter.TaskId');
    const second = sandboxClient(sandbox.port, { secretId: 'AKIDsecond', secretKey: 'second-key' });
    expect(await codeOf(second.DescribeStreamIngest(describeCall))).toBe('');

    authNow += 999;
    expect(await codeOf(client.DescribeStreamIngest(describeCall))).toBe('RequestLimitExceeded');
    authNow += 1;
    expect(await codeOf(client.DescribeStreamIngest(describeCall))).toBe('');
  });
});
