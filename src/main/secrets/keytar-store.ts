import { createRequire } from 'node:module';
import { AppError } from '../../shared/contract';
import type { KeychainStatus } from '../../shared/contract/system';
import { keychainCause } from './keychain-cause';
import type { SecretStore } from './secret-store';

type Keytar = typeof import('keytar');

export interface KeytarStoreOptions {
  /** One service name for the whole app; tests pass their own so runs never meet. */
  service: string;
  /** Every keychain call gets this long before it counts as hung (a locked keyring can wait forever). */
  timeoutMs?: number;
  /** For tests of the no-keychain path; defaults to loading the real keytar addon. */
  loadKeytar?: () => Keytar;
}

const backendByPlatform: Record<string, string> = {
  darwin: 'macOS Keychain',
  win32: 'Windows Credential Manager',
  linux: 'Secret Service (libsecret: gnome-keyring or KWallet)',
};

/** The OS keychain through keytar: Secret Service on Linux, Keychain on macOS, Credential Manager on Windows. */
export class KeytarSecretStore implements SecretStore {
  readonly #service: string;
  readonly #timeoutMs: number;
  readonly #load: () => Keytar;
  #keytar: Keytar | undefined;

  constructor(options: KeytarStoreOptions) {
    this.#service = options.service;
    this.#timeoutMs = options.timeoutMs ?? 5000;
    this.#load = options.loadKeytar ?? (() => createRequire(import.meta.url)('keytar') as Keytar);
  }

  get(key: string): Promise<string | null> {
    return this.#call('read', (k) => k.getPassword(this.#service, key));
  }

  set(key: string, value: string): Promise<void> {
    return this.#call('write', (k) => k.setPassword(this.#service, key, value));
  }

  delete(key: string): Promise<boolean> {
    return this.#call('delete', (k) => k.deletePassword(this.#service, key));
  }

  async list(): Promise<string[]> {
    const found = await this.#call('list', (k) => k.findCredentials(this.#service));
    return found.map((entry) => entry.account).sort();
  }

  async status(): Promise<KeychainStatus> {
    const base = { backend: backendByPlatform[process.platform] ?? 'OS keychain', platform: process.platform };
    try {
      await this.#call('read', (k) => k.getPassword(this.#service, '__status_probe__'));
      return { ...base, state: 'available' };
    } catch (error) {
      const appError = error instanceof AppError ? error : toKeychainError('read', error);
      const state = appError.code === 'KEYCHAIN_LOCKED' ? 'locked' : appError.code === 'KEYCHAIN_TIMEOUT' ? 'timeout' : 'unavailable';
      const cause = keychainCause(appError.message);
      return { ...base, state, detail: appError.message, ...(cause ? { cause } : {}) };
    }
  }

  async #call<T>(operation: string, run: (keytar: Keytar) => Promise<T>): Promise<T> {
    let keytar: Keytar;
    try {
      this.#keytar ??= this.#load();
      keytar = this.#keytar;
    } catch (error) {
      throw new AppError('KEYCHAIN_UNAVAILABLE', `The keychain library could not load: ${firstLine(error)}`);
    }
    let timer: NodeJS.Timeout | undefined;
    let gaveUp = false;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        reject(new AppError('KEYCHAIN_TIMEOUT', `The keychain did not answer a ${operation} within ${this.#timeoutMs} ms`));
      }, this.#timeoutMs);
    });
    // The caller waits at most the timeout, counted from its request (queue time included); the turn
    // is held until the library call itself has settled, and a call nobody waits for any more is not made.
    const call = oneAtATime(() => (gaveUp ? Promise.resolve(undefined as T) : run(keytar)));
    try {
      return await Promise.race([call, timeout]);
    } catch (error) {
      throw error instanceof AppError ? error : toKeychainError(operation, error);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * keytar runs every call on its own worker thread, and libsecret can crash the process (SIGSEGV after
 * "secret_value_get_text: assertion 'value' failed") when calls overlap. So a process makes one
 * keychain call at a time, and a call that hangs keeps the turn until it ends, even after its caller
 * was told KEYCHAIN_TIMEOUT: the next call must never overlap it.
 */
let keychainTurn: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const result = keychainTurn.then(task, task);
  keychainTurn = result.catch(() => undefined);
  return result;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

/** Maps libsecret/Keychain/Credential Manager failures to the typed errors the page explains. */
export function toKeychainError(operation: string, error: unknown): AppError {
  const message = firstLine(error);
  if (/locked|unlock|dismissed|prompt/i.test(message)) {
    return new AppError('KEYCHAIN_LOCKED', `The keychain is locked (${operation}): ${message}`);
  }
  return new AppError('KEYCHAIN_UNAVAILABLE', `The keychain cannot be used (${operation}): ${message}`);
}
