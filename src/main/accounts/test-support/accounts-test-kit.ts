import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddAppInput, AddProfileInput } from '../../../shared/contract/accounts';
import type { Clock } from '../../app/clock';
import { EventBus } from '../../app/event-bus';
import { testStores } from '../../db/test-support/test-database';
import type { SecretStore } from '../../secrets/secret-store';
import { type ApiCallRecorder, discardApiCalls } from '../../trtc/api-call-record';
import { accountsDocument } from '../accounts-document';
import { type Accounts, createAccounts } from '../create-accounts';

/** Test helpers only: a fresh data dir and the accounts domain built on a given secret store. */
export async function accountsForTest(
  secrets: SecretStore,
  options: { clock?: Clock; dataDir?: string; builtInSandbox?: boolean; recorder?: ApiCallRecorder } = {},
) {
  const clock = options.clock ?? { now: () => Date.now() };
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'ingest-desk-accounts-')));
  const events = new EventBus();
  const emitted: unknown[] = [];
  events.subscribe((_event, payload) => emitted.push(payload));
  const stores = testStores(dataDir, clock);
  const accounts: Accounts = await createAccounts({
    document: await stores.open(accountsDocument),
    secrets,
    events,
    clock,
    appVersion: 'test',
    builtInSandbox: options.builtInSandbox ?? false,
    recorder: options.recorder ?? discardApiCalls,
  });
  return { dataDir, accounts, emitted };
}

/** Every file under `dir` whose bytes contain any of `needles`. */
export async function filesContaining(dir: string, needles: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = await readFile(path, 'latin1');
    if (needles.some((needle) => text.includes(needle))) found.push(path);
  }
  return found;
}

export const sampleProfile = (overrides: Partial<AddProfileInput> = {}): AddProfileInput => ({
  name: 'Studio A',
  site: 'international',
  region: 'ap-singapore',
  endpoint: null,
  secretId: 'AKIDsampleSecretId000000000000000WXYZ',
  ...overrides,
});

export const sampleApp = (profileId: string, overrides: Partial<AddAppInput> = {}): AddAppInput => ({
  sdkAppId: 1400012345,
  label: 'Main show',
  colour: '#3355ff',
  profileId,
  defaults: { robotUserIdPrefix: 'robot_', userSigExpirySeconds: 600 },
  ...overrides,
});
