import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from './keytar-store';

// This file runs in its own process (vitest forks): point libsecret at a D-Bus session that does
// not exist, as on a machine with no Secret Service, before keytar first connects.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/ingest-desk-bus';
delete process.env.DISPLAY;

describe('KeytarSecretStore without a Secret Service', () => {
  it('answers typed errors and an "unavailable" status, never a fallback', async () => {
    const store = new KeytarSecretStore({ service: 'ingest-desk-no-session', timeoutMs: 10_000 });
    const status = await store.status();
    expect(status.state).toBe('unavailable');
    expect(status.detail).toBeTruthy();
    // The library's English message, recognised in main for the page's translated explanation.
    expect(status.cause, status.detail).toBe('noDbus');
    await expect(store.set('profile:p:secretKey', 'do-not-store')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    await expect(store.get('profile:p:secretKey')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  });
});
