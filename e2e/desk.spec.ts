import type { Page } from '@playwright/test';
import { sampleDraft } from '../src/shared/test-support/samples';
import { expect, test } from './fixtures';
import { type RunningHost, startHost } from './support/host';
import { rpc } from './support/rpc';

/** Launches a preset on the built-in sandbox app; `#duration=` tells the sandbox how long the clip plays. */
async function launch(host: RunningHost, name: string, seconds: number): Promise<string> {
  const draft = sampleDraft({
    name,
    roomId: '4321',
    media: { kind: 'url', url: `https://media.example.com/${seconds}.mp4#duration=${seconds}` },
  });
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft });
  const record = await rpc<{ state: string; taskId?: string }>(host, 'launch.start', { source: { kind: 'preset', presetId: preset.id } });
  expect(record.state).toBe('started');
  return record.taskId as string;
}

async function open(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
}

test('a task ending by itself is notified politely, without taking the focus from what the user is typing', async ({ page, host }) => {
  test.setTimeout(90_000);
  // Long enough to be seen running by a page that opens slowly on a loaded machine.
  await launch(host, 'Short clip', 15);
  await open(page, host);
  await expect(page.getByTestId('status-running')).toHaveAttribute('data-count', '1');

  // The producer is typing in another screen when the task ends.
  await page.getByRole('button', { name: 'Media library' }).click();
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.click();
  await search.pressSequentially('intro');

  // Nothing is clicked: main's next poll (every 5 to 10 s) finds it NotExist and tells the page.
  const notice = page.getByRole('status').filter({ hasText: 'Task ended' });
  await expect(notice).toBeVisible({ timeout: 45_000 });
  await expect(notice).toContainText('Short clip (room 4321) ended by itself');
  await expect(page.getByRole('alert').filter({ hasText: 'Task ended' })).toHaveCount(0);
  // document.activeElement is still the search box.
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('intro');
  await expect(page.getByTestId('status-running')).toHaveAttribute('data-count', '0');
  // The notice sits above the status bar: its running-tasks button stays uncovered and clickable.
  const [noticeBox, buttonBox] = await Promise.all([notice.boundingBox(), page.getByTestId('status-running').boundingBox()]);
  expect(noticeBox && buttonBox && noticeBox.y + noticeBox.height <= buttonBox.y).toBe(true);
});

test("the user's own Stop is not notified, and the status bar count follows it", async ({ page, host }) => {
  test.setTimeout(60_000);
  await launch(host, 'Long clip', 600);
  await open(page, host);
  const count = page.getByTestId('status-running');
  await expect(count).toHaveAttribute('data-count', '1');
  await expect(count).toHaveText('0 live · 1 sandbox running');
  await count.click();
  await expect(page.getByRole('heading', { name: 'Live tasks', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'Stop Long clip' }).click();
  await expect(page.getByTestId('task-history')).toContainText('Stopped here');
  await expect(count).toHaveAttribute('data-count', '0');
  // The store update that ended the task is the one a notice would come from: none did.
  await expect(page.getByRole('status').filter({ hasText: 'Task ended' })).toHaveCount(0);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
});

test('the status bar in Chinese: account, app, sandbox and the running count', async ({ page, host }) => {
  await rpc(host, 'system.updateSettings', { language: 'zh-CN' });
  await open(page, host);
  const bar = page.getByRole('contentinfo', { name: '状态栏' });
  await expect(bar).toContainText('账号：Sandbox');
  await expect(bar).toContainText('沙箱：调用不会离开本机');
  await expect(bar.getByTestId('status-running')).toHaveText('0 个运行中的任务');
});

test('a slow list shows a loader, a failed one says why with Retry, an empty one says what to do next', async ({ page, host }) => {
  test.setTimeout(60_000);
  // Presets answer only when released: Launch shows a loader meanwhile, not a blank.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/rpc/presets.list', async (route) => {
    await held;
    await route.continue();
  });
  await open(page, host);
  await expect(page.getByTestId('list-loading').filter({ hasText: 'Loading Presets' })).toBeVisible();
  release();
  await expect(page.getByTestId('list-empty').filter({ hasText: 'No presets yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create a preset' })).toBeVisible();

  // The media library fails once to load: the error and a Retry, which then works.
  await page.route('**/rpc/media.list', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'STORE_UNAVAILABLE', message: 'media.json is being repaired' } }),
    }),
  );
  await page.getByRole('button', { name: 'Media library' }).click();
  const failed = page.getByTestId('list-failed');
  await expect(failed).toContainText('Could not load Media library');
  await expect(failed).toContainText('media.json is being repaired');
  await page.unroute('**/rpc/media.list');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('button', { name: 'Add your first URL' })).toBeVisible();
  await expect(page.getByTestId('list-failed')).toHaveCount(0);

  // An empty task log and task board lead to Launch.
  await page.getByRole('button', { name: 'Task log' }).click();
  await expect(page.getByTestId('list-empty')).toContainText('No API call logged yet');
  await page.getByRole('button', { name: 'Live tasks', exact: true }).click();
  await page.getByRole('button', { name: 'Launch a preset' }).click();
  await expect(page.getByRole('heading', { name: 'Launch', level: 2 })).toBeVisible();
});

test('without a keychain the status bar says so and leads to the guide, and Launch says there is no sample and why', async ({ page }) => {
  // No Secret Service on this bus: keytar fails as on a desktop without a keyring.
  const host = await startHost({ env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ingest-desk-bus' } });
  try {
    await open(page, host);
    const keychain = page.getByTestId('status-keychain');
    await expect(keychain).toHaveText('Keychain: not available');
    await expect(page.getByTestId('status-bar')).toContainText('No app yet');
    // Launch does not promise a sample that is not there: it says why, with the command to copy.
    const noSample = page.getByTestId('getting-started').getByTestId('no-sample');
    await expect(noSample).toContainText('There is no sample preset yet.');
    await expect(noSample).toContainText('the keychain is not available here');
    await expect(noSample.getByTestId('no-sample-command')).toContainText('gnome-keyring-daemon --unlock --components=secrets');
    await expect(page.getByTestId('getting-started')).not.toContainText('pick the sample preset');
    await keychain.click();
    await expect(page.getByTestId('keychain-state')).toHaveAttribute('data-state', 'unavailable');
  } finally {
    await host.stop();
  }
});
