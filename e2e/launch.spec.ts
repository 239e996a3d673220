import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { PresetDraft } from '../src/shared/contract/presets';
import { sampleDraft } from '../src/shared/test-support/samples';
import { expect, test } from './fixtures';
import type { RunningHost } from './support/host';
import { startHost } from './support/host';
import { confirmLive, pickApp } from './support/live';
import { rpc } from './support/rpc';
import { registerSecrets } from './support/secret-scan/run-folder';
import { specSandbox } from './support/spec-sandbox';

/**
 * Launching against a local TRTC sandbox run by the test itself (so it can inject faults and read
 * what reached it), through an account whose custom endpoint points at it: requests are signed as
 * production signs them, the UserSig and PrivateMapKey are generated in the host with the app's key.
 */
const local = specSandbox({ sdkAppId: 1400000777, name: 'Local' });
const sdkAppId = local.sdkAppId;
const setUpAccount = (host: RunningHost) => local.addAccount(host);

async function createPreset(host: RunningHost, name: string, patch: Partial<PresetDraft> = {}) {
  return rpc<{ id: string }>(host, 'presets.create', {
    draft: sampleDraft({
      name,
      sdkAppId,
      roomId: '8001',
      media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=3600' },
      privateMapKey: { mode: 'generate', expirySeconds: 600, privileges: 255 },
      ...patch,
    }),
  });
}

async function openLaunch(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await page.getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Launch', level: 2 })).toBeVisible();
  // Launch lists the header's app's presets; the spec's account is not the first app.
  await pickApp(page, 'Local app');
}

const starts = () => local.sandbox.requests().filter((request) => request.action === 'StartStreamIngest');

test('launch a preset, see the request first, get the TaskId; the sandbox verified the signature, UserSig and PrivateMapKey; it survives a restart', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await setUpAccount(host);
  await createPreset(host, 'Morning show');
  await openLaunch(page, host.url);

  // See before you send: the exact body with the tickets redacted, and the tccli command.
  await page.getByRole('button', { name: 'Show the request Morning show would send' }).click();
  const body = page.getByTestId('preview-body');
  await expect(body).toContainText('"UserSig": "[redacted]"');
  await expect(body).toContainText('"PrivateMapKey": "[redacted]"');
  await expect(body).toContainText('"RoomId": "8001"');
  await expect(page.getByTestId('preview-command')).toContainText(
    "tccli trtc StartStreamIngest --region 'ap-singapore' --cli-input-json '",
  );

  await page.getByRole('button', { name: 'Launch Morning show' }).click();
  await confirmLive(page);
  const record = page.getByTestId('task-record').first();
  await expect(record).toHaveAttribute('data-state', 'started');
  const taskId = (await record.getByTestId('task-id').textContent()) ?? '';
  expect(taskId).not.toBe('');

  // The sandbox checked the TC3 signature, the UserSig and the PrivateMapKey, and runs that task.
  expect(starts()).toEqual([expect.objectContaining({ outcome: 'ok', processed: true })]);
  expect(local.sandbox.tasks().map((task) => task.TaskId)).toContain(taskId);

  // Restart the host: the task is still listed with its TaskId.
  await host.stop();
  const again = await startHost({ dataDir: host.dataDir, keychainService: host.keychainService });
  try {
    await openLaunch(page, again.url);
    await expect(page.getByTestId('task-record').first()).toHaveAttribute('data-state', 'started');
    await expect(page.getByTestId('task-id').first()).toHaveText(taskId);
  } finally {
    await again.stop();
  }
});

test('a parameter error and an auth error show their explanations and fixes', async ({ page, host }) => {
  test.setTimeout(120_000);
  const profileId = await setUpAccount(host);
  await createPreset(host, 'Bad source');
  await openLaunch(page, host.url);

  local.sandbox.faults.set('StartStreamIngest', { error: { code: 'InvalidParameter.StreamUrl', times: 1 } });
  await page.getByRole('button', { name: 'Launch Bad source' }).click();
  await confirmLive(page);
  const failed = page.getByTestId('task-record').first();
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed.getByTestId('task-error-code')).toHaveText('InvalidParameter.StreamUrl');
  await expect(failed.getByTestId('task-error')).toContainText('The media URL is not valid or cannot be used as a source.');
  await expect(failed.getByTestId('task-error')).toContainText('Check the URL');

  // A wrong SecretKey: the sandbox refuses the signature.
  const wrongKey = randomBytes(24).toString('base64url');
  registerSecrets([wrongKey], 'launch.spec wrong key');
  await rpc(host, 'accounts.setProfileSecret', { id: profileId, secretKey: wrongKey });
  await page.getByRole('button', { name: 'Launch Bad source' }).click();
  const auth = page.getByTestId('task-record').first();
  await expect(auth.getByTestId('task-error-code')).toHaveText('AuthFailure.SignatureFailure');
  await expect(auth.getByTestId('task-error')).toContainText('the SecretKey does not match the SecretId');
  expect(starts().map((start) => start.errorCode)).toEqual(['InvalidParameter.StreamUrl', 'AuthFailure.SignatureFailure']);
});

test('a Start that hangs past the timeout ends as unknown, and no second Start reaches the sandbox', async ({ page, host }) => {
  test.setTimeout(120_000);
  await setUpAccount(host);
  await createPreset(host, 'Hanging');
  await openLaunch(page, host.url);

  local.sandbox.faults.set('StartStreamIngest', { failure: 'hang' });
  await page.getByRole('button', { name: 'Launch Hanging' }).click();
  await confirmLive(page);
  const record = page.getByTestId('task-record').first();
  // Written before the request left, then settled once the client gave up.
  await expect(record).toHaveAttribute('data-state', /pending|unknown/);
  await expect(record).toHaveAttribute('data-state', 'unknown', { timeout: 30_000 });
  await expect(record.getByTestId('task-unknown')).toContainText('The service did not answer in time after the request was sent.');
  await expect(record.getByTestId('task-unknown')).toContainText('does not retry this by itself');

  // A deliberate retry asks first; cancelling sends nothing.
  await record.getByRole('button', { name: 'Retry deliberately' }).click();
  await expect(page.getByRole('dialog', { name: 'Start this again?' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // The host's record is settled, and exactly one Start ever reached the sandbox.
  const tasks = await rpc<{ state: string; unknownReason?: string }[]>(host, 'launch.tasks', {});
  expect(tasks).toEqual([expect.objectContaining({ state: 'unknown', unknownReason: 'timeout' })]);
  expect(starts()).toHaveLength(1);
});

test('a preset on a library entry: the rename shows, deleting the entry names the preset, the launch pulls the entry URL', async ({
  page,
  host,
  request,
}) => {
  test.setTimeout(120_000);
  await setUpAccount(host);
  const entry = await rpc<{ id: string }>(host, 'media.add', {
    url: 'https://media.example.com/library.mp4#duration=60',
    name: 'Intro reel',
  });
  await createPreset(host, 'From the library', { media: { kind: 'library', entryId: entry.id } });
  await rpc(host, 'media.update', { id: entry.id, name: 'Intro reel v2' });

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Presets' }).click();
  await expect(page.getByTestId('preset-media')).toHaveText('Intro reel v2');

  const refused = await request.post(`${host.origin}/rpc/media.delete`, {
    data: { ids: [entry.id] },
    headers: { Authorization: `Bearer ${host.token}` },
  });
  const body = await refused.json();
  expect(body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('From the library') });

  await page.getByRole('button', { name: 'Launch', exact: true }).click();
  await pickApp(page, 'Local app');
  await page.getByRole('button', { name: 'Launch From the library' }).click();
  await confirmLive(page);
  await expect(page.getByTestId('task-record').first()).toHaveAttribute('data-state', 'started');
  const [task] = await rpc<{ streamUrl: string; request: { StreamUrl: string } }[]>(host, 'launch.tasks', {});
  expect(task?.request.StreamUrl).toBe('https://media.example.com/library.mp4#duration=60');
  expect(local.sandbox.tasks()).toHaveLength(1);
});
