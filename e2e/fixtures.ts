import { test as base, expect } from '@playwright/test';
import { ipcHostFor, type RunningHost, startHost, useTransport } from './support/host';
import { bridgeIpc } from './support/ipc/ipc-bridge';
import { recordPages } from './support/secret-scan/page-recorder';
import { recordRequests } from './support/secret-scan/request-recorder';

/**
 * `host`: a browser host with a fresh data dir and keychain namespace, stopped after the test.
 * `page`: Playwright's page, recorded for the secret scan that runs after every spec (see
 * e2e/secret-scan.teardown.ts): its RPC answers, console and downloads, and at the end its DOM and storage.
 * `request`: Playwright's API client, its RPC answers recorded for the same scan.
 * `transport`: `http` (the browser host) or `ipc` (the desktop app's IPC, its real preload in the page:
 * e2e/support/ipc), set per project in playwright.config.ts; the specs are the same for both.
 */
export type Transport = 'http' | 'ipc';

export const test = base.extend<{ host: RunningHost }, { transport: Transport; transportForHosts: undefined }>({
  transport: ['http', { scope: 'worker', option: true }],
  // startHost is also called by specs directly: it reads the worker's transport from its module.
  transportForHosts: [
    async ({ transport }, use) => {
      useTransport(transport);
      await use(undefined);
    },
    { scope: 'worker', auto: true },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  page: async ({ page, transport }, use, testInfo) => {
    const recorder = recordPages(page.context(), testInfo.testId);
    const bridge = transport === 'ipc' ? await bridgeIpc(page.context(), ipcHostFor, recorder.ipcCall) : undefined;
    await use(page);
    await recorder.finish();
    // Over IPC the page must really have used it (window.api), not the host's HTTP.
    if (bridge && testInfo.status === 'passed') expect(bridge.invocations(), 'calls the page made over IPC').toBeGreaterThan(0);
  },
  request: async ({ request }, use, testInfo) => {
    const recorder = recordRequests(request, testInfo.testId);
    await use(recorder.request);
    await recorder.finish();
  },
});

export { expect };
