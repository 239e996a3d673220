import type { SecretStore } from '../secrets/secret-store';

export type PresetSecretKind = 'userSig' | 'privateMapKey';
export const presetSecretKinds: readonly PresetSecretKind[] = ['userSig', 'privateMapKey'];

/** Keychain key of a preset's pasted ticket. */
export const presetSecretKey = (presetId: string, kind: PresetSecretKind): string => `preset:${presetId}:${kind}`;

/** Which pasted tickets of each preset are in the keychain (names only; values are never read here). */
export async function presetSecretPresence(secrets: SecretStore): Promise<Set<string>> {
  return new Set(await secrets.list());
}
