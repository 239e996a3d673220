import type { TaskRecord } from '../src/shared/contract/launch';
import { sampleDraft } from '../src/shared/test-support/samples';
import { expect, test } from './fixtures';
import type { RunningHost } from './support/host';
import { pickApp } from './support/live';
import { rpc, sandboxDraft } from './support/rpc';
import { specSandbox } from './support/spec-sandbox';

/**
 * Live is unmistakable. "Live" is any app of a user account: here one whose custom endpoint is a TRTC
 * sandbox run by the spec, so the spec can read exactly which requests reached it. The built-in
 * sandbox account is the only "sandbox".
 */
const studio = specSandbox({ sdkAppId: 1400000555, name: 'Studio' });
const starts = () => studio.sandbox.requests().filter((request) => request.action === 'StartStreamIngest');
const liveWords = 'LIVE · Tencent Cloud, billed';

async function seed(host: RunningHost) {
  await studio.addAccount(host);
  await rpc(host, 'presets.create', {
    draft: sampleDraft({
      name: 'Live show',
      sdkAppId: studio.sdkAppId,
      roomId: '8001',
      media: { kind: 'url', url: 'https://media.example.com/live.mp4#duration=3600' },
    }),
  });
  const rehearsal = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft('Sandbox rehearsal') });
  const record = await rpc<TaskRecord>(host, 'launch.start', { source: { kind: 'preset', presetId: rehearsal.id } });
  expect(record.state).toBe('started');
}

test('a live preset says LIVE everywhere, Launch sends nothing until confirmed, and the status bar counts both kinds', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await seed(host);
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  const bar = page.getByTestId('status-bar');
  const running = bar.getByTestId('status-running');
  await expect(running).toHaveAttribute('data-sandbox', '1');
  await expect(running).toHaveText('0 live · 1 sandbox running');

  // The built-in sandbox app is picked: Launch shows its presets and says one other app's is left out.
  await expect(page.getByTestId('launch-scope')).toHaveAttribute('data-hidden', '1');
  await expect(page.getByRole('button', { name: 'Launch Live show' })).toHaveCount(0);
  await expect(bar.getByTestId('status-sandbox')).toBeVisible();

  // Picking the live app: the header, the status bar, the preset card and the preview say LIVE.
  await pickApp(page, 'Studio app');
  await expect(page.getByTestId('live-indicator')).toHaveText(liveWords);
  await expect(bar.getByTestId('status-sandbox')).toHaveCount(0);
  await expect(bar.getByTestId('status-live')).toHaveText(liveWords);
  const card = page.getByTestId('launch-preset').filter({ hasText: 'Live show' });
  const cardTarget = card.getByTestId('target');
  await expect(cardTarget).toHaveAttribute('data-kind', 'live');
  await expect(cardTarget).toContainText(liveWords);
  await expect(cardTarget.getByTestId('target-where')).toHaveText(
    'Account Studio sandbox · App Studio app (1400000555) · International site · ap-singapore',
  );
  await card.getByRole('button', { name: 'Show the request Live show would send' }).click();
  await expect(card.getByTestId('request-preview').getByTestId('target')).toHaveAttribute('data-kind', 'live');

  // Launch asks first, with the focus on Cancel; nothing reaches the endpoint, nothing is recorded.
  await card.getByRole('button', { name: 'Launch Live show' }).click();
  const confirm = page.getByRole('dialog', { name: 'Launch into a live app?' });
  await expect(confirm.getByTestId('target')).toHaveAttribute('data-kind', 'live');
  await expect(confirm).toContainText('Room: 8001');
  await expect(confirm).toContainText('A paused task is still billed');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.waitForTimeout(500);
  expect(starts()).toEqual([]);
  expect((await rpc<TaskRecord[]>(host, 'launch.tasks')).filter((record) => record.sdkAppId === studio.sdkAppId)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  expect(starts()).toEqual([]);

  // Confirmed from the keyboard: Tab to "Launch live", Enter. Exactly one Start reaches the endpoint.
  await card.getByRole('button', { name: 'Launch Live show' }).click();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Launch live' })).toBeFocused();
  await page.keyboard.press('Enter');
  const record = page.getByTestId('task-record').filter({ hasText: 'Live show' }).first();
  await expect(record).toHaveAttribute('data-state', 'started');
  await expect(record.getByTestId('target')).toHaveAttribute('data-kind', 'live');
  expect(starts()).toHaveLength(1);
  await expect(running).toHaveAttribute('data-live', '1');
  await expect(running).toHaveText('1 live · 1 sandbox running');

  // Back on the sandbox app, a live task still runs: the status bar does not say "sandbox".
  await pickApp(page, 'Sandbox app');
  await expect(bar.getByTestId('status-sandbox')).toHaveCount(0);
  await expect(bar.getByTestId('status-live')).toBeVisible();

  // The board: each card says where its task goes.
  await running.click();
  await expect(page.getByRole('article', { name: 'Live show' }).getByTestId('target')).toHaveAttribute('data-kind', 'live');
  await expect(page.getByRole('article', { name: 'Sandbox rehearsal' }).getByTestId('target')).toHaveAttribute('data-kind', 'sandbox');

  // The palette's launch command carries the same badge.
  await page.keyboard.press('Control+K');
  await page.getByRole('textbox', { name: 'Search commands' }).fill('live show');
  await expect(page.getByRole('button', { name: /Launch Live show/ }).getByTestId('target-kind')).toHaveText(liveWords);
});

test('a batch with live items always asks, counting them; cancelling sends nothing', async ({ page, host }) => {
  test.setTimeout(120_000);
  await seed(host);
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await page.getByRole('button', { name: 'Live tasks' }).click();
  await page.getByRole('button', { name: 'Batch launch' }).click();
  await page.getByRole('combobox', { name: 'Presets' }).click();
  await page.getByRole('option', { name: 'Live show' }).click();
  await page.getByRole('option', { name: 'Sandbox rehearsal' }).click();
  await page.keyboard.press('Escape');
  const targets = page.getByTestId('batch-targets').getByTestId('target');
  await expect(targets).toHaveCount(2);
  await expect(targets.first()).toHaveAttribute('data-kind', 'live');

  await page.getByRole('button', { name: 'Launch 2' }).click();
  const confirm = page.getByRole('dialog', { name: 'Launch a batch with live items?' });
  await expect(confirm.getByTestId('batch-live-count')).toHaveText('1 of 2 items go live and are billed:');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForTimeout(500);
  expect(starts()).toEqual([]);
  expect(await rpc<unknown[]>(host, 'tasks.batches')).toEqual([]);

  await page.getByRole('button', { name: 'Launch 2' }).click();
  await confirm.getByRole('button', { name: 'Launch 2 items' }).click();
  await expect.poll(() => starts().length, { timeout: 20_000 }).toBe(1);
});

test('the per-app setting skips the question for single launches in later sessions, and Accounts undoes it', async ({ page, host }) => {
  test.setTimeout(120_000);
  await seed(host);
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await pickApp(page, 'Studio app');
  const launch = page.getByRole('button', { name: 'Launch Live show' });
  const confirm = page.getByRole('dialog', { name: 'Launch into a live app?' });

  await launch.click();
  await confirm.getByRole('checkbox', { name: 'Do not ask again for single launches into Studio app' }).check();
  await confirm.getByRole('button', { name: 'Launch live' }).click();
  await expect.poll(() => starts().length).toBe(1);

  // A new session (reload): no question, the Start goes out.
  await page.reload();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await launch.click();
  await expect.poll(() => starts().length).toBe(2);
  await expect(confirm).toHaveCount(0);

  // Accounts & apps: the app's "Ask before…" box is off; turned on, the next session asks again.
  await page.getByRole('button', { name: 'Accounts & apps' }).click();
  await page.getByRole('tab', { name: 'TRTC apps' }).click();
  const askFirst = page
    .getByTestId('app-card')
    .filter({ hasText: 'Studio app' })
    .getByRole('checkbox', { name: 'Ask before the first single launch of a session (a batch with live items always asks)' });
  await expect(askFirst).not.toBeChecked();
  await askFirst.check();
  await page.reload();
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await launch.click();
  await expect(confirm).toBeVisible();
  expect(starts()).toHaveLength(2);
});

test('a retry of a failed live launch asks first, as a launch does, and sends nothing until confirmed', async ({ page, host }) => {
  test.setTimeout(90_000);
  await seed(host);
  // A live launch that failed in an earlier session (sent by a script here, which confirms live itself: no page asked).
  const presets = await rpc<{ id: string; name: string }[]>(host, 'presets.list');
  const live = presets.find((preset) => preset.name === 'Live show');
  studio.sandbox.faults.set('StartStreamIngest', { error: { code: 'InternalError', times: 1 } });
  const failed = await rpc<TaskRecord>(host, 'launch.start', { source: { kind: 'preset', presetId: live?.id }, confirmLive: true });
  expect(failed.state).toBe('failed');
  const sent = starts().length;

  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await pickApp(page, 'Studio app');
  const record = page.getByTestId('task-record').filter({ hasText: 'Live show' }).first();
  await expect(record).toHaveAttribute('data-state', 'failed');
  await record.getByRole('button', { name: 'Retry deliberately' }).click();
  const confirm = page.getByRole('dialog', { name: 'Launch into a live app?' });
  await expect(confirm.getByTestId('target')).toHaveAttribute('data-kind', 'live');
  await expect(confirm).toContainText('Room: 8001');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.waitForTimeout(500);
  expect(starts()).toHaveLength(sent);

  await confirm.getByRole('button', { name: 'Launch live' }).click();
  await expect.poll(() => starts().length).toBe(sent + 1);
  await expect.poll(async () => (await rpc<TaskRecord[]>(host, 'launch.tasks')).some((each) => each.retryOf === failed.id)).toBe(true);
});
