import { test as base, expect } from '@playwright/test';
import { type RunningHost, startHost } from './support/host';

/** `host`: a browser host with a fresh data dir and keychain namespace, stopped after the test. */
export const test = base.extend<{ host: RunningHost }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixture's dependencies from this pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
});

export { expect };
