import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { testCallContext } from '../rpc/test-support/call-context';
import { KeytarSecretStore } from '../secrets/keytar-store';
import type { ApiCallRecord } from '../trtc/api-call-record';
import { sandboxSdkAppId } from './built-in-sandbox';
import type { Accounts } from './create-accounts';
import { accountsForTest } from './test-support/accounts-test-kit';

// The real keychain, the real SDK, the real sandbox over loopback HTTP.
const opened: Accounts[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((accounts) => accounts.close()));
});

async function start(store: KeytarSecretStore, options: { dataDir?: string; recorder?: { record(entry: ApiCallRecord): void } } = {}) {
  const kit = await accountsForTest(store, { ...options, builtInSandbox: true });
  opened.push(kit.accounts);
  return kit;
}

describe('the built-in sandbox', () => {
  it('is created once, with random keys in the keychain, and survives a restart unchanged', async () => {
    const store = new KeytarSecretStore({ service: `ingest-desk-sandbox-test-${randomUUID()}` });
    const first = await start(store);
    const overview = await first.accounts.service.overview();
    expect(overview.profiles).toEqual([expect.objectContaining({ kind: 'sandbox', name: 'Sandbox', hasSecretKey: true })]);
    expect(overview.apps).toEqual([expect.objectContaining({ sdkAppId: sandboxSdkAppId, sandbox: true, hasSdkSecretKey: true })]);
    const names = await store.list();
    expect(names).toHaveLength(2);

    const again = await start(store, { dataDir: first.dataDir });
    expect((await again.accounts.service.overview()).profiles.map((profile) => profile.id)).toEqual([overview.profiles[0]?.id]);
    expect(await store.list()).toEqual(names);
    // It is managed by the app: not editable or deletable from the page.
    await expect(again.accounts.handlers.deleteProfile({ id: overview.profiles[0]?.id ?? '' }, testCallContext())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const name of names) await store.delete(name);
  });

  it('answers Test connection, and a full Start / Describe / Stop with a just-in-time UserSig', async () => {
    const store = new KeytarSecretStore({ service: `ingest-desk-sandbox-test-${randomUUID()}` });
    const records: ApiCallRecord[] = [];
    const { accounts } = await start(store, { recorder: { record: (entry) => records.push(entry) } });
    const { profiles, apps } = await accounts.service.overview();
    const profile = profiles[0];
    const app = apps[0];
    if (!profile || !app) throw new Error('sandbox accounts missing');

    const test = await accounts.handlers.testConnection({ profileId: profile.id }, testCallContext());
    expect(test).toMatchObject({ verdict: 'valid', sandbox: true });
    expect(test.requestId).toBeTruthy();
    expect(test.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const { client } = await accounts.clients.forApp(app.id);
    const userSig = await accounts.tickets.userSigFor(app.id, 'ingest_robot_1');
    const started = await client.startStreamIngest(
      {
        SdkAppId: app.sdkAppId,
        RoomId: '1234',
        RoomIdType: 1,
        UserId: 'ingest_robot_1',
        UserSig: userSig.ticket,
        StreamUrl: 'https://media.example/clip.mp4#duration=600',
      },
      'launch',
    );
    expect(started.taskId).toBeTruthy();
    expect((await client.describeStreamIngest({ SdkAppId: app.sdkAppId, TaskId: started.taskId }, 'poll')).status).toBe('InProgress');
    await client.stopStreamIngest({ SdkAppId: app.sdkAppId, TaskId: started.taskId }, 'control');
    expect((await client.describeStreamIngest({ SdkAppId: app.sdkAppId, TaskId: started.taskId }, 'poll')).status).toBe('NotExist');

    expect(records.map((record) => [record.action, record.outcome, record.sandbox])).toEqual([
      ['DescribeStreamIngest', 'ok', true],
      ['StartStreamIngest', 'ok', true],
      ['DescribeStreamIngest', 'ok', true],
      ['StopStreamIngest', 'ok', true],
      ['DescribeStreamIngest', 'ok', true],
    ]);
    expect(JSON.stringify(records)).not.toContain(userSig.ticket);

    // A UserSig signed with another key is refused by the sandbox as the real API would.
    const foreign = await client
      .startStreamIngest(
        {
          SdkAppId: app.sdkAppId,
          RoomId: '1234',
          RoomIdType: 1,
          UserId: 'ingest_robot_1',
          UserSig: `${userSig.ticket.slice(0, -4)}AAAA`,
          StreamUrl: 'https://media.example/clip.mp4',
        },
        'launch',
      )
      .catch((error: unknown) => error);
    expect(foreign).toMatchObject({ code: 'TRTC_API_ERROR' });
    for (const name of await store.list()) await store.delete(name);
  });

  it('a wrong SecretKey against the sandbox is "auth-failed"', async () => {
    const store = new KeytarSecretStore({ service: `ingest-desk-sandbox-test-${randomUUID()}` });
    const { accounts } = await start(store);
    const target = await accounts.sandbox.target();
    const sandboxProfile = accounts.service.snapshot().profiles[0];
    const wrong = await accounts.service.addProfile({
      name: 'Wrong key',
      site: 'international',
      region: 'ap-singapore',
      endpoint: target,
      secretId: sandboxProfile?.secretId ?? '',
      secretKey: 'definitely-not-the-sandbox-key',
    });
    expect(await accounts.handlers.testConnection({ profileId: wrong.id }, testCallContext())).toMatchObject({
      verdict: 'auth-failed',
      code: expect.stringMatching(/^AuthFailure\./),
    });
    for (const name of await store.list()) await store.delete(name);
  });
});
