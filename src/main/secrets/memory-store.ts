import type { KeychainStatus } from '../../shared/contract/system';
import type { SecretStore } from './secret-store';

/** Secrets in memory, for unit tests of other modules only: the app always uses the OS keychain. */
export class MemorySecretStore implements SecretStore {
  readonly #values = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.#values.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.#values.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return this.#values.delete(key);
  }

  async list(): Promise<string[]> {
    return [...this.#values.keys()].sort();
  }

  async status(): Promise<KeychainStatus> {
    return { state: 'available', backend: 'memory (tests)', platform: process.platform };
  }
}
