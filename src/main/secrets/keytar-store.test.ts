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
    let answer = () => {};
    const hanging = new Promise<null>((resolve) => (answer = () => resolve(null)));
    const store = new KeytarSecretStore({
      service: 'x',
      timeoutMs: 50,
      loadKeytar: () => ({ getPassword: () => hanging }) as never,
    });
    await expect(store.get('k')).rejects.toMatchObject({ code: 'KEYCHAIN_TIMEOUT' });
    expect(await store.status()).toMatchObject({ state: 'timeout' });
    // The process's keychain turn is held until the call ends (see the next test): end it.
    answer();
  });

  it('never overlaps a call that outlived its timeout: the next waits for it, and one nobody waits for is not made', async () => {
    let finishFirst = () => {};
    let running = 0;
    let most = 0;
    const started: string[] = [];
    const store = new KeytarSecretStore({
      service: 'x',
      timeoutMs: 50,
      loadKeytar: () =>
        ({
          getPassword: async (_service: string, key: string) => {
            started.push(key);
            running++;
            most = Math.max(most, running);
            if (key === 'first') await new Promise<void>((resolve) => (finishFirst = resolve));
            running--;
            return `value of ${key}`;
          },
        }) as never,
    });
    await expect(store.get('first')).rejects.toMatchObject({ code: 'KEYCHAIN_TIMEOUT' });
    // Queued behind the hung call: its caller is told in time, and the call is never made.
    await expect(store.get('second')).rejects.toMatchObject({ code: 'KEYCHAIN_TIMEOUT' });
    finishFirst();
    expect(await store.get('third')).toBe('value of third');
    expect(started).toEqual(['first', 'third']);
    expect(most).toBe(1);
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
