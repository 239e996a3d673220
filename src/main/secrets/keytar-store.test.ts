import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from './keytar-store';

// The real OS keychain: `npm test` runs inside a D-Bus session with an unlocked gnome-keyring.
describe('KeytarSecretStore against the real keychain', () => {
  it('stores, lists (names only), reads back and deletes a secret', async () => {
    const store = new KeytarSecretStore({ service: `ingest-desk-unit-${randomUUID()}` });
    expect(await store.status()).toMatchObject({ state: 'available' });
    await store.set('profile:p1:secretKey', 'value-1');
    await store.set('app:a1:sdkSecretKey', 'value-2');
    expect(await store.get('profile:p1:secretKey')).toBe('value-1');
    expect(await store.list()).toEqual(['app:a1:sdkSecretKey', 'profile:p1:secretKey']);
    expect(await store.delete('profile:p1:secretKey')).toBe(true);
    expect(await store.get('profile:p1:secretKey')).toBeNull();
    expect(await store.list()).toEqual(['app:a1:sdkSecretKey']);
    await store.delete('app:a1:sdkSecretKey');
  });

  it('turns a keychain call that never answers into KEYCHAIN_TIMEOUT', async () => {
    const hanging = new Promise<never>(() => {});
    const store = new KeytarSecretStore({
      service: 'x',
      timeoutMs: 50,
      loadKeytar: () => ({ getPassword: () => hanging }) as never,
    });
    await expect(store.get('k')).rejects.toMatchObject({ code: 'KEYCHAIN_TIMEOUT' });
    expect(await store.status()).toMatchObject({ state: 'timeout' });
  });

  it('reports a keychain library that cannot load as KEYCHAIN_UNAVAILABLE', async () => {
    const store = new KeytarSecretStore({
      service: 'x',
      loadKeytar: () => {
        throw new Error('libsecret-1.so.0: cannot open shared object file');
      },
    });
    await expect(store.set('k', 'v')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(await store.status()).toMatchObject({ state: 'unavailable', detail: expect.stringContaining('libsecret') });
  });
});
