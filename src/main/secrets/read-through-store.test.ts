import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from './memory-store';
import { ReadThroughSecretStore } from './read-through-store';
import type { SecretStore } from './secret-store';

/** A keychain whose reads are counted and can be held until released. */
class SlowKeychain extends MemorySecretStore {
  reads = 0;
  hold: Promise<void> | null = null;
  override async get(key: string): Promise<string | null> {
    this.reads++;
    const value = await super.get(key);
    await this.hold;
    return value;
  }
}

describe('ReadThroughSecretStore', () => {
  it('reads a key from the keychain once, and writes through before it answers', async () => {
    const keychain = new SlowKeychain();
    const store: SecretStore = new ReadThroughSecretStore(keychain);
    await store.set('app:a:sdkSecretKey', 'one');
    expect(await keychain.get('app:a:sdkSecretKey')).toBe('one');
    keychain.reads = 0;
    expect(await store.get('app:a:sdkSecretKey')).toBe('one');
    expect(await store.get('app:a:sdkSecretKey')).toBe('one');
    expect(await store.get('app:b:sdkSecretKey')).toBeNull();
    expect(await store.get('app:b:sdkSecretKey')).toBeNull();
    expect(keychain.reads).toBe(1);

    await store.set('app:a:sdkSecretKey', 'two');
    expect(await store.get('app:a:sdkSecretKey')).toBe('two');
    expect(await store.delete('app:a:sdkSecretKey')).toBe(true);
    expect(await store.get('app:a:sdkSecretKey')).toBeNull();
    expect(await keychain.get('app:a:sdkSecretKey')).toBeNull();
  });

  it('does not keep a value read before a write that finished first', async () => {
    const keychain = new SlowKeychain();
    const store = new ReadThroughSecretStore(keychain);
    await keychain.set('k', 'old');
    let release = () => {};
    keychain.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const racing = store.get('k');
    keychain.hold = null;
    await store.set('k', 'new');
    release();
    expect(await racing).toBe('old');
    expect(await store.get('k')).toBe('new');
  });

  it('keeps no failed read: a locked keychain is asked again', async () => {
    let fail = true;
    const keychain = new MemorySecretStore();
    await keychain.set('k', 'value');
    const flaky: SecretStore = Object.assign(Object.create(keychain), {
      get: (key: string) => (fail ? Promise.reject(new Error('locked')) : keychain.get(key)),
    });
    const store = new ReadThroughSecretStore(flaky);
    await expect(store.get('k')).rejects.toThrow('locked');
    fail = false;
    expect(await store.get('k')).toBe('value');
  });
});
