import type { KeychainCause } from '../../shared/contract/system';

/**
 * What a keychain library's message means: keytar passes on the Secret Service's, Keychain Services'
 * or Credential Manager's own English text; main names the cause and the page shows it translated
 * (the raw text stays available under "details" for a bug report).
 */

const causes: [RegExp, KeychainCause][] = [
  [/DBUS_SESSION_BUS_ADDRESS|autolaunch D-Bus|X11 \$DISPLAY|dbus-launch|Failed to connect to socket|Could not connect/i, 'noDbus'],
  [/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files|No such interface|Secret Service/i, 'noSecretService'],
  [/locked|unlock|dismissed|prompt|User interaction is not allowed|errSecAuthFailed/i, 'locked'],
  [/keytar\.node|Cannot find module|NODE_MODULE_VERSION|was compiled against|libsecret-1\.so/i, 'noNativeModule'],
  [/timed? ?out|not answering/i, 'timeout'],
];

export function keychainCause(detail: string): KeychainCause | null {
  for (const [pattern, cause] of causes) if (pattern.test(detail)) return cause;
  return null;
}
