import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../app/create-services';
import { KeytarSecretStore } from '../secrets/keytar-store';
import { filesContaining, sampleApp, sampleProfile } from './test-support/accounts-test-kit';

// Its own process (vitest forks): a D-Bus session that does not exist, as on a machine with no
// Secret Service, set before keytar first connects.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/ingest-desk-bus';
delete process.env.DISPLAY;

describe('accounts without a Secret Service', () => {
  it('the app still opens; saving a key is KEYCHAIN_UNAVAILABLE and leaves no file containing it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-no-keychain-'));
    const services = await createAppServices({
      dataDir,
      secrets: new KeytarSecretStore({ service: 'ingest-desk-no-session', timeoutMs: 10_000 }),
      transport: 'browser',
      warn: () => {},
    });
    const secretKey = `sk-${randomBytes(16).toString('hex')}`;
    const sdkKey = `sdk-${randomBytes(16).toString('hex')}`;

    const overview = await services.dispatch('accounts.overview', {});
    expect(overview).toMatchObject({ ok: true, value: { profiles: [], keychainProblem: 'KEYCHAIN_UNAVAILABLE' } });

    const add = await services.dispatch('accounts.addProfile', { ...sampleProfile(), secretKey });
    expect(add).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(JSON.stringify(add)).not.toContain(secretKey);

    // Without a key the profile and app can still be described, then keys set once a keychain exists.
    const profile = await services.dispatch('accounts.addProfile', sampleProfile());
    expect(profile).toMatchObject({ ok: true, value: { hasSecretKey: null } });
    const profileId = profile.ok ? (profile.value as { id: string }).id : '';
    const app = await services.dispatch('accounts.addApp', { ...sampleApp(profileId), sdkSecretKey: sdkKey });
    expect(app).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(await services.dispatch('accounts.setProfileSecret', { id: profileId, secretKey })).toMatchObject({
      ok: false,
      error: { code: 'KEYCHAIN_UNAVAILABLE' },
    });

    expect(await filesContaining(dataDir, [secretKey, sdkKey])).toEqual([]);
    await services.close();
  });
});
