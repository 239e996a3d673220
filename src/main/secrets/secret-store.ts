import type { KeychainStatus } from '../../shared/contract/system';

/**
 * Where secrets live: the OS keychain in the app, memory in unit tests. Values never leave main;
 * logs name keys, never values. There is deliberately no plaintext or home-made cipher fallback:
 * an unusable keychain is a typed error (KEYCHAIN_UNAVAILABLE / KEYCHAIN_LOCKED / KEYCHAIN_TIMEOUT).
 *
 * Key names: `profile:<profileId>:secretKey`, `app:<appId>:sdkSecretKey` (built from stable ids in
 * src/main/accounts/secret-keys.ts; the built-in sandbox's keys use the same names), and later
 * `preset:<presetId>:userSig` / `preset:<presetId>:privateMapKey` for pasted tickets.
 */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** Key names (never values) this store holds. */
  list(): Promise<string[]>;
  status(): Promise<KeychainStatus>;
}
