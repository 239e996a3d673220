import type { KeychainStatus } from '../../shared/contract/system';
import type { SecretStore } from './secret-store';

/**
 * The keychain, with what main already read kept in main's memory: a launch needs the app's SDK
 * secret key for each ticket, and a keychain round trip over D-Bus costs milliseconds a producer
 * would feel. The keychain stays the only place a secret is stored; writes go through to it first
 * and then update the copy. A change made outside the app (another keychain tool) is seen after a
 * restart. Failed reads are not kept, so a locked keychain is asked again next time.
 */
export class ReadThroughSecretStore implements SecretStore {
  readonly #inner: SecretStore;
  readonly #values = new Map<string, string | null>();
  /** Bumped by every write of a key, so a read that raced a write does not keep the old value. */
  readonly #generations = new Map<string, number>();

  constructor(inner: SecretStore) {
    this.#inner = inner;
  }

  async get(key: string): Promise<string | null> {
    if (this.#values.has(key)) return this.#values.get(key) ?? null;
    const generation = this.#generations.get(key) ?? 0;
    const value = await this.#inner.get(key);
    if ((this.#generations.get(key) ?? 0) === generation) this.#values.set(key, value);
    return value;
  }

  async set(key: string, value: string): Promise<void> {
    this.#forget(key);
    await this.#inner.set(key, value);
    this.#values.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    this.#forget(key);
    const deleted = await this.#inner.delete(key);
    this.#values.set(key, null);
    return deleted;
  }

  list(): Promise<string[]> {
    return this.#inner.list();
  }

  status(): Promise<KeychainStatus> {
    return this.#inner.status();
  }

  #forget(key: string): void {
    this.#values.delete(key);
    this.#generations.set(key, (this.#generations.get(key) ?? 0) + 1);
  }
}
