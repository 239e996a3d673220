import { describe, expect, it } from 'vitest';
import { keychainCause } from './keychain-cause';

describe('keychainCause', () => {
  it.each([
    ['The keychain cannot be used (read): Cannot autolaunch D-Bus without X11 $DISPLAY', 'noDbus'],
    // What libsecret says here when the session bus's socket does not exist (keytar-store.no-session.test).
    ['The keychain cannot be used (read): Could not connect: No such file or directory', 'noDbus'],
    ['The keychain cannot be used (read): The name org.freedesktop.secrets was not provided by any .service files', 'noSecretService'],
    ['The keychain is locked (read): Cannot create an item in a locked collection', 'locked'],
    ['The keychain cannot be used (read): libsecret-1.so.0: cannot open shared object file', 'noNativeModule'],
    ['The keychain did not answer in 10 s (timed out)', 'timeout'],
  ])('%s → %s', (detail, cause) => {
    expect(keychainCause(detail)).toBe(cause);
  });

  it('knows nothing of an unknown message', () => {
    expect(keychainCause('Something else entirely')).toBeNull();
  });
});
