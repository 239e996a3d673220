/**
 * Keychain entry names (see the list in src/main/secrets/secret-store.ts). Built from the stable
 * ids, never from names, so renaming a profile or app leaves nothing orphaned.
 */
export const profileSecretKeyName = (profileId: string) => `profile:${profileId}:secretKey`;
export const appSdkSecretKeyName = (appId: string) => `app:${appId}:sdkSecretKey`;
