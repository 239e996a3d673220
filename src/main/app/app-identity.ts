import packageJson from '../../../package.json';

export const appIdentity = {
  name: packageJson.productName,
  version: packageJson.version,
  /** The keychain service every secret of the app is filed under. */
  keychainService: 'trtc-ingest-desk',
} as const;
