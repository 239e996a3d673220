import { defineConfig } from 'vitest/config';

/**
 * Unit and service tests under plain Node: the real keychain (the test script provides a D-Bus
 * session with gnome-keyring), the real SDK against the sandbox on loopback, fake clocks.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'e2e/support/**/*.test.ts', 'build/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
