import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { ipcJourneys } from './e2e/support/ipc/ipc-journeys';

// The secret scan's run folder (e2e/support/secret-scan): inside outputDir, which Playwright clears at the start of each run.
process.env.INGEST_DESK_SECRET_SCAN_DIR ??= fileURLToPath(new URL('./test-results/secret-scan', import.meta.url));

/**
 * End to end against the browser host in Debian's Chromium (no browser download). Each test starts
 * its own host with a fresh data dir (e2e/fixtures.ts); the Electron shell specs live in e2e/electron
 * and run only where an Electron binary exists.
 */
export default defineConfig<object, { transport: 'http' | 'ipc' }>({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // A test starts a host and a browser page on a 2-core CI machine; 30 s left no room for a slow start.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  projects: [
    // After every spec, even when some fail or only one file runs: the whole-run secret scan.
    { name: 'e2e', testIgnore: ['**/support/**', '**/*.teardown.ts'], teardown: 'secret scan' },
    // The core journeys again, the page on the desktop app's IPC transport (e2e/support/ipc).
    { name: 'e2e over ipc', testMatch: ipcJourneys.files, grep: ipcJourneys.titles, use: { transport: 'ipc' }, teardown: 'secret scan' },
    { name: 'secret scan', testMatch: /secret-scan\.teardown\.ts$/ },
  ],
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
