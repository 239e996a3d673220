import { Api } from 'tls-sig-api-v2';
import { it } from 'vitest';
import { startTrtcSandbox } from '../src/main/sandbox/index';
import { app, clientSetup, credential, startRequest } from '../src/main/sandbox/test-support/fixture';
import { sandboxClient } from '../src/main/sandbox/test-support/sdk-client';
import { verifyTlsSig } from '../src/main/sandbox/user-sig';
import { report, summarise } from './report';

/** The TRTC sandbox: start-up, and round trips of the official SDK against it on loopback. */
it('sandbox figures', async () => {
  const startups: number[] = [];
  for (let i = 0; i < 10; i++) {
    const began = performance.now();
    const sandbox = await startTrtcSandbox({ credentials: [credential], apps: [app] });
    startups.push(performance.now() - began);
    await sandbox.close();
  }

  const sandbox = await startTrtcSandbox({
    credentials: [credential],
    apps: [app],
    maxConcurrentTasksPerApp: 10_000,
    rateLimitPerSecond: 10_000,
  });
  const client = sandboxClient(sandbox.port, clientSetup);
  const describeTimes: number[] = [];
  const startTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    let began = performance.now();
    await client.DescribeStreamIngest({ SdkAppId: app.sdkAppId, TaskId: 'none' });
    describeTimes.push(performance.now() - began);
    const request = startRequest({ RoomId: String(i + 1) });
    began = performance.now();
    await client.request('StartStreamIngest', request);
    startTimes.push(performance.now() - began);
  }
  await sandbox.close();

  const sig = new Api(app.sdkAppId, app.sdkSecretKey).genUserSig('robot_1', 300);
  const verifyTimes: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const began = performance.now();
    verifyTlsSig(sig, { ...app, identifier: 'robot_1', nowSeconds: Math.floor(Date.now() / 1000) });
    verifyTimes.push(performance.now() - began);
  }

  report('sandbox', [
    summarise('sandbox start + close', 'ms', startups),
    summarise('DescribeStreamIngest round trip (SDK, loopback)', 'ms', describeTimes),
    summarise('StartStreamIngest round trip (SDK, UserSig check)', 'ms', startTimes),
    summarise('UserSig verification', 'ms', verifyTimes),
  ]);
});
