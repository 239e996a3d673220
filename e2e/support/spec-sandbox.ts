import { randomBytes } from 'node:crypto';
import { type SandboxOptions, startTrtcSandbox, type TrtcSandbox } from '../../src/main/sandbox';
import { test } from '../fixtures';
import type { RunningHost } from './host';
import { rpc } from './rpc';
import { registerSecrets } from './secret-scan/run-folder';

export interface SpecSandbox {
  readonly sdkAppId: number;
  /** The sandbox of the running test (a fresh one per test, so faults and request counts never leak between tests). */
  readonly sandbox: TrtcSandbox;
  /** A user account whose custom endpoint is this sandbox, and the app under it; resolves the profile id. */
  addAccount(host: RunningHost): Promise<string>;
}

/**
 * A TRTC sandbox run by the spec itself (so it can inject faults and read what reached it), reached
 * through an account with a custom endpoint: requests are signed as production signs them, and the
 * UserSig and PrivateMapKey are generated in the host with the app's key. The keys are random per run
 * and registered with the secret scan. Call once at the top of a spec file: it adds the test hooks.
 */
export function specSandbox(options: {
  sdkAppId: number;
  name: string;
  /** Other sandbox settings (a higher task quota for a big show, say). */
  sandbox?: Pick<SandboxOptions, 'maxConcurrentTasksPerApp' | 'defaultMediaSeconds'>;
}): SpecSandbox {
  const credential = { secretId: `AKID${randomBytes(16).toString('hex')}`, secretKey: randomBytes(24).toString('base64url') };
  const sdkSecretKey = randomBytes(32).toString('hex');
  registerSecrets([credential.secretKey, sdkSecretKey], `${options.name} keys`);
  let current: TrtcSandbox | undefined;

  test.beforeEach(async () => {
    current = await startTrtcSandbox({
      ...options.sandbox,
      port: 0,
      credentials: [credential],
      apps: [{ sdkAppId: options.sdkAppId, sdkSecretKey }],
      // Every ticket the app sent is a secret the whole run is scanned for, in every encoding.
      seenTickets: (tickets) => registerSecrets(tickets, `${options.name} tickets sent`),
    });
  });
  test.afterEach(async () => {
    await current?.close();
    current = undefined;
  });

  const spec: SpecSandbox = {
    sdkAppId: options.sdkAppId,
    get sandbox() {
      if (!current) throw new Error('the spec sandbox runs only inside a test');
      return current;
    },
    async addAccount(host) {
      const profile = await rpc<{ id: string }>(host, 'accounts.addProfile', {
        name: `${options.name} sandbox`,
        site: 'international',
        region: 'ap-singapore',
        endpoint: { scheme: 'http', host: '127.0.0.1', port: spec.sandbox.port },
        ...credential,
      });
      await rpc(host, 'accounts.addApp', {
        sdkAppId: options.sdkAppId,
        label: `${options.name} app`,
        colour: '#228be6',
        profileId: profile.id,
        defaults: { robotUserIdPrefix: 'robot_', userSigExpirySeconds: 600 },
        sdkSecretKey,
      });
      return profile.id;
    },
  };
  return spec;
}
