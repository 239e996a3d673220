import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { type RunningHost, startHost } from './support/host';
import { rpc } from './support/rpc';

const sampleName = 'Sample: Sintel trailer to sandbox room';

async function open(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  // A new user lands on Launch, with no click.
  await expect(page.getByRole('heading', { name: 'Launch', level: 2 })).toBeVisible();
}

test('a new user launches the sample preset on the sandbox to a TaskId; the samples come once and stay deleted', async ({ page }) => {
  test.setTimeout(120_000);
  // Started without --no-samples: exactly what a first start of the app does.
  let host = await startHost({ samples: true });
  try {
    await open(page, host);
    await expect(page.getByTestId('getting-started')).toContainText('API keys');
    await expect(page.getByTestId('status-sandbox')).toBeVisible();
    await expect(page.getByTestId('status-running')).toHaveAttribute('data-count', '0');

    const started = Date.now();
    await expect(page.getByTestId('launch-preset')).toHaveCount(1);
    await page.getByRole('button', { name: `Launch ${sampleName}` }).click();
    const record = page.getByTestId('task-record').first();
    await expect(record).toHaveAttribute('data-state', 'started');
    expect((await record.getByTestId('task-id').textContent())?.trim()).not.toBe('');
    test.info().annotations.push({ type: 'figure', description: `open to TaskId: ${Date.now() - started} ms` });

    // The status bar counts it (main's events, no polling), and its count leads to Live tasks.
    await expect(page.getByTestId('status-running')).toHaveAttribute('data-count', '1');
    await page.getByTestId('status-running').click();
    await expect(page.getByRole('button', { name: 'Live tasks', exact: true })).toHaveAttribute('aria-current', 'page');

    // The sample media has not been probed, so no red outcome greets the user in the library.
    await page.getByRole('button', { name: 'Media library' }).click();
    await expect(page.getByText('Sample: Sintel trailer (52 s)')).toBeVisible();
    await expect(page.getByTestId('probe-badge')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);

    // Restart: the samples are not added again.
    await host.stop();
    host = await startHost({ dataDir: host.dataDir, keychainService: host.keychainService, samples: true });
    await open(page, host);
    await expect(page.getByTestId('launch-preset')).toHaveCount(1);
    const presets = await rpc<{ id: string }[]>(host, 'presets.list');
    const media = await rpc<{ id: string }[]>(host, 'media.list');
    expect(presets).toHaveLength(1);
    expect(media).toHaveLength(1);

    // Delete both, restart: they stay deleted, and the empty Launch list says what to do next.
    await rpc(host, 'presets.remove', { id: presets[0]?.id });
    await rpc(host, 'media.delete', { ids: [media[0]?.id] });
    await host.stop();
    host = await startHost({ dataDir: host.dataDir, keychainService: host.keychainService, samples: true });
    await open(page, host);
    await expect(page.getByTestId('list-empty')).toContainText('No presets yet');
    expect(await rpc(host, 'presets.list')).toEqual([]);
    expect(await rpc(host, 'media.list')).toEqual([]);
    await page.getByRole('button', { name: 'Create a preset' }).click();
    await expect(page.getByRole('button', { name: 'Presets', exact: true })).toHaveAttribute('aria-current', 'page');
  } finally {
    await host.stop();
  }
});

test('the getting-started guide can be dismissed and stays hidden', async ({ page, host }) => {
  test.setTimeout(60_000);
  await open(page, host);
  const guide = page.getByTestId('getting-started');
  await expect(guide).toContainText('Application Management');
  // The browser host cannot open a browser itself: it shows the console address instead.
  await guide.getByRole('button', { name: 'Open the API keys page' }).click();
  await expect(page.getByTestId('guide-link')).toContainText('https://console.tencentcloud.com/cam/capi');
  await page.getByRole('button', { name: 'Hide the getting-started guide' }).click();
  await expect(guide).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Launch', level: 2 })).toBeVisible();
  await expect(page.getByTestId('getting-started')).toHaveCount(0);
});
