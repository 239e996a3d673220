import { test as base, expect } from '@playwright/test';
import { type RunningHost, startHost } from './support/host';
import { recordPages } from './support/secret-scan/page-recorder';
import { recordRequests } from './support/secret-scan/request-recorder';

/**
 * `host`: a browser host with a fresh data dir and keychain namespace, stopped after the test.
 * `page`: Playwright's page, recorded for the secret scan that runs after every spec (see
 * e2e/secret-scan.teardown.ts): its RPC answers, console and downloads, and at the end its DOM and storage.
 * `request`: Playwright's API client, its RPC answers recorded for the same scan.
 */
export const test = base.extend<{ host: RunningHost }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
  page: async ({ page }, use, testInfo) => {
    const recorder = recordPages(page.context(), testInfo.testId);
    await use(page);
    await recorder.finish();
  },
  request: async ({ request }, use, testInfo) => {
    const recorder = recordRequests(request, testInfo.testId);
    await use(recorder.request);
    await recorder.finish();
  },
});

export { expect };
