import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import { testCallContext } from '../rpc/test-support/call-context';
import { KeytarSecretStore } from '../secrets/keytar-store';
import { MemorySecretStore } from '../secrets/memory-store';
import type { SecretStore } from '../secrets/secret-store';
import { accountsForTest, filesContaining, sampleApp, sampleProfile } from './test-support/accounts-test-kit';

// The real OS keychain (gnome-keyring on the session bus), one throwaway service name per test.
const keychain = () => new KeytarSecretStore({ service: `ingest-desk-accounts-test-${randomUUID()}` });
const secret = (label: string) => `${label}-${randomBytes(16).toString('hex')}`;

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

describe('accounts with the real keychain', () => {
  it('add / rename / replace / clear / delete: secrets only in the keychain, under stable names, never returned', async () => {
    const store = keychain();
    const { dataDir, accounts, emitted } = await accountsForTest(store);
    const service = accounts.service;
    const secretKey = secret('sk');
    const sdkKey = secret('sdk');

    const profile = await service.addProfile({ ...sampleProfile(), secretKey });
    expect(profile).toMatchObject({ kind: 'user', secretIdLast4: 'WXYZ', hasSecretKey: true });
    const app = await service.addApp({ ...sampleApp(profile.id), sdkSecretKey: sdkKey });
    expect(app).toMatchObject({ hasSdkSecretKey: true, sandbox: false });
    expect(await store.list()).toEqual([`app:${app.id}:sdkSecretKey`, `profile:${profile.id}:secretKey`]);
    expect(await store.get(`profile:${profile.id}:secretKey`)).toBe(secretKey);

    // Renaming changes nothing in the keychain.
    await service.updateProfile({ id: profile.id, name: 'Studio B', site: 'china', region: 'ap-beijing', endpoint: null });
    await service.updateApp({ ...sampleApp(profile.id, { label: 'Renamed' }), id: app.id });
    expect(await store.list()).toEqual([`app:${app.id}:sdkSecretKey`, `profile:${profile.id}:secretKey`]);

    // Replace the pair, then clear.
    const replaced = secret('sk2');
    const afterReplace = await service.setProfileSecret({
      id: profile.id,
      secretKey: replaced,
      secretId: 'AKIDanotherSecretId0000000000000000ABCD',
    });
    expect(afterReplace).toMatchObject({ secretIdLast4: 'ABCD', hasSecretKey: true });
    expect(await store.get(`profile:${profile.id}:secretKey`)).toBe(replaced);
    expect((await service.clearAppSecret(app.id)).hasSdkSecretKey).toBe(false);
    expect(await store.list()).toEqual([`profile:${profile.id}:secretKey`]);

    const overview = await service.overview();
    expect(overview.keychainProblem).toBeNull();
    expect(overview.profiles[0]).toMatchObject({ name: 'Studio B', region: 'ap-beijing', hasSecretKey: true });

    await expect(service.deleteProfile(profile.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await service.deleteApp(app.id);
    await service.deleteProfile(profile.id);
    expect(await store.list()).toEqual([]);
    expect((await service.overview()).profiles).toEqual([]);

    const all = [secretKey, sdkKey, replaced];
    expect(await filesContaining(dataDir, all)).toEqual([]);
    const seen = JSON.stringify([emitted, overview, afterReplace, profile, app]);
    for (const value of all) expect(seen).not.toContain(value);
  });

  it('keeps SdkAppIds unique and refuses apps of unknown profiles', async () => {
    const { accounts } = await accountsForTest(new MemorySecretStore());
    const profile = await accounts.service.addProfile(sampleProfile());
    expect(profile.hasSecretKey).toBe(false);
    await accounts.service.addApp(sampleApp(profile.id));
    await expect(accounts.service.addApp(sampleApp(profile.id, { label: 'Again' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(accounts.service.addApp(sampleApp('nope', { sdkAppId: 1 }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(accounts.service.addProfile(sampleProfile({ name: 'studio a' }))).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

/** A keychain that refuses every write, like a locked login keychain. */
class LockedStore extends MemorySecretStore {
  override async set(): Promise<void> {
    throw new AppError('KEYCHAIN_LOCKED', 'The keychain is locked (write)');
  }
  override async list(): Promise<string[]> {
    throw new AppError('KEYCHAIN_LOCKED', 'The keychain is locked (list)');
  }
}

describe('accounts when the keychain refuses', () => {
  it('answers the typed error and writes nothing, not even the profile', async () => {
    const { dataDir, accounts } = await accountsForTest(new LockedStore());
    const secretKey = secret('sk');
    await expect(accounts.service.addProfile({ ...sampleProfile(), secretKey })).rejects.toMatchObject({ code: 'KEYCHAIN_LOCKED' });
    expect(await filesContaining(dataDir, [secretKey])).toEqual([]);
    const overview = await accounts.service.overview();
    expect(overview).toMatchObject({ profiles: [], keychainProblem: 'KEYCHAIN_LOCKED' });
    // A profile without a key can still be saved; its key state is unknown.
    const saved = await accounts.service.addProfile(sampleProfile());
    expect(saved.hasSecretKey).toBeNull();
  });
});

describe('export and import', () => {
  it('round-trips profiles and apps without secrets, keeps ids, skips what exists, refuses secret fields', async () => {
    const sdkKey = secret('sdk');
    const secretKey = secret('sk');
    const source = await accountsForTest(new MemorySecretStore());
    const profile = await source.accounts.service.addProfile({ ...sampleProfile(), secretKey });
    const app = await source.accounts.service.addApp({ ...sampleApp(profile.id), sdkSecretKey: sdkKey });
    const exported = await source.accounts.handlers.exportJson({}, testCallContext());
    expect(exported.fileName).toMatch(/^ingest-desk-accounts-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.json).not.toContain(secretKey);
    expect(exported.json).not.toContain(sdkKey);

    const target = await accountsForTest(new MemorySecretStore());
    expect(await target.accounts.handlers.importJson({ json: exported.json }, testCallContext())).toEqual({
      profilesAdded: 1,
      appsAdded: 1,
      skipped: 0,
    });
    const overview = await target.accounts.service.overview();
    expect(overview.profiles[0]).toMatchObject({ id: profile.id, name: 'Studio A', hasSecretKey: false });
    expect(overview.apps[0]).toMatchObject({ id: app.id, sdkAppId: 1400012345, hasSdkSecretKey: false });
    expect(await target.accounts.handlers.importJson({ json: exported.json }, testCallContext())).toEqual({
      profilesAdded: 0,
      appsAdded: 0,
      skipped: 2,
    });

    const withSecret = JSON.parse(exported.json);
    withSecret.profiles[0].secretKey = 'smuggled';
    await expect(target.accounts.handlers.importJson({ json: JSON.stringify(withSecret) }, testCallContext())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(target.accounts.handlers.importJson({ json: '{nope' }, testCallContext())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    // Nowhere in the data dir: the database, its WAL, anything beside them.
    expect(await filesContaining(target.dataDir, ['smuggled'])).toEqual([]);
  });
});

describe('test connection', () => {
  async function fakeApi(answer: (authorization: string) => Record<string, unknown>): Promise<number> {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ Response: answer(String(request.headers.authorization)) }));
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  async function profileAt(store: SecretStore, port: number) {
    const kit = await accountsForTest(store);
    const profile = await kit.accounts.service.addProfile({
      ...sampleProfile(),
      secretKey: secret('sk'),
      endpoint: { scheme: 'http', host: '127.0.0.1', port },
    });
    return { ...kit, profile };
  }

  it.each([
    [{ Status: 'NotExist' }, 'valid', undefined],
    [{ Error: { Code: 'InvalidParameter.TaskId', Message: 'bad task' } }, 'valid', 'InvalidParameter.TaskId'],
    [{ Error: { Code: 'AuthFailure.SignatureFailure', Message: 'sig' } }, 'auth-failed', 'AuthFailure.SignatureFailure'],
    [{ Error: { Code: 'AuthFailure.SecretIdNotFound', Message: 'id' } }, 'auth-failed', 'AuthFailure.SecretIdNotFound'],
    [{ Error: { Code: 'AuthFailure.SignatureExpire', Message: 'clock' } }, 'clock-skew', 'AuthFailure.SignatureExpire'],
    [{ Error: { Code: 'AuthFailure.UnauthorizedOperation', Message: 'cam' } }, 'not-authorized', 'AuthFailure.UnauthorizedOperation'],
  ])('answer %j is %s', async (body, verdict, code) => {
    const port = await fakeApi(() => ({ ...body, RequestId: 'req-42' }));
    const { accounts, profile } = await profileAt(new MemorySecretStore(), port);
    const result = await accounts.handlers.testConnection({ profileId: profile.id }, testCallContext());
    expect(result).toMatchObject({ verdict, requestId: 'req-42', sandbox: false, region: 'ap-singapore' });
    expect(result.code).toBe(code);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('says unreachable when nothing listens, and signs with the replaced SecretId on the next call', async () => {
    const seen: string[] = [];
    const port = await fakeApi((authorization) => {
      seen.push(authorization);
      return { Status: 'NotExist', RequestId: 'r' };
    });
    const { accounts, profile } = await profileAt(new MemorySecretStore(), port);
    await accounts.handlers.testConnection({ profileId: profile.id }, testCallContext());
    await accounts.service.setProfileSecret({
      id: profile.id,
      secretKey: secret('sk'),
      secretId: 'AKIDreplacedSecretId00000000000000NEW1',
    });
    await accounts.handlers.testConnection({ profileId: profile.id }, testCallContext());
    expect(seen[0]).toContain('Credential=AKIDsampleSecretId000000000000000WXYZ/');
    expect(seen[1]).toContain('Credential=AKIDreplacedSecretId00000000000000NEW1/');

    await accounts.service.updateProfile({
      id: profile.id,
      name: 'x',
      site: 'international',
      region: 'ap-tokyo',
      endpoint: { scheme: 'http', host: '127.0.0.1', port: 1 },
    });
    expect(await accounts.handlers.testConnection({ profileId: profile.id }, testCallContext())).toMatchObject({
      verdict: 'unreachable',
      code: 'NETWORK_ERROR',
      region: 'ap-tokyo',
    });
  });

  it('refuses to test a profile without a SecretKey', async () => {
    const { accounts } = await accountsForTest(new MemorySecretStore());
    const profile = await accounts.service.addProfile(sampleProfile());
    await expect(accounts.handlers.testConnection({ profileId: profile.id }, testCallContext())).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { missing: 'secretKey' },
    });
  });
});
