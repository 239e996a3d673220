import type { LiveTask } from '../src/shared/contract/tasks';
import { sampleDraft } from '../src/shared/test-support/samples';
import { expect, test } from './fixtures';
import type { RunningHost } from './support/host';
import { rpc } from './support/rpc';
import { specSandbox } from './support/spec-sandbox';

/**
 * A TaskId lives in the region its Start went to. The spec's sandbox knows a task only there (like
 * the real API), and records the X-TC-Region of every request: a call sent to the profile's default
 * region instead would find no task, and show up in the list of regions.
 */
const spec = specSandbox({ sdkAppId: 1400000777, name: 'Region' });

async function launchInTokyo(host: RunningHost, name: string) {
  const profileId = await spec.addAccount(host);
  const preset = await rpc<{ id: string }>(host, 'presets.create', {
    draft: sampleDraft({
      name,
      sdkAppId: spec.sdkAppId,
      region: 'ap-tokyo',
      media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=3600' },
    }),
  });
  const record = await rpc<{ state: string; taskId: string }>(host, 'launch.start', {
    source: { kind: 'preset', presetId: preset.id },
    // The spec's account is a user account (live to main): a direct call confirms it, as the page does after asking.
    confirmLive: true,
  });
  expect(record.state).toBe('started');
  return { profileId, taskId: record.taskId };
}

const boardTask = async (host: RunningHost, taskId: string) =>
  (await rpc<LiveTask[]>(host, 'tasks.list')).find((task) => task.taskId === taskId) as LiveTask;
const updates = () => spec.sandbox.requests().filter((request) => request.action === 'UpdateStreamIngest');

test("a task launched outside its profile's region is paused, switched, described and stopped there, even after the profile moves", async ({
  page,
  host,
}) => {
  test.setTimeout(60_000);
  const { profileId, taskId } = await launchInTokyo(host, 'Tokyo show');
  expect(spec.sandbox.tasks()[0]).toMatchObject({ TaskId: taskId, region: 'ap-tokyo' });
  // The board mirrors the launch record once the launch's own work is done.
  await expect.poll(() => boardTask(host, taskId)).toMatchObject({ region: 'ap-tokyo', site: 'international' });

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Live tasks' }).click();
  const card = page.getByRole('article', { name: 'Tokyo show' });
  await expect(card.getByTestId('task-status')).toHaveText('In progress');
  await expect(card.getByTestId('task-region')).toHaveText('Region ap-tokyo');
  await expect(card.getByTestId('task-region-moved')).toHaveCount(0);

  await page.getByRole('button', { name: 'Pause Tokyo show' }).click();
  await expect(card.getByTestId('task-status')).toHaveText('Paused');
  await expect.poll(() => spec.sandbox.tasks()[0]?.paused).toBe(true);

  // The source switch follows Start's URL rule: refused as typed, nothing sent; rtmps is taken.
  const source = page.getByRole('textbox', { name: 'New source URL for Tokyo show' });
  await source.fill('https://media.example.com/other clip.mp4');
  await expect(card.getByText('The URL contains a space, line break or control character.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Switch the source of Tokyo show' })).toBeDisabled();
  await source.fill('rtmps://live.example.com:443/app/key');
  await page.getByRole('button', { name: 'Switch the source of Tokyo show' }).click();
  await expect(card.getByTestId('task-source')).toContainText('rtmps://live.example.com:443/app/key');
  await expect.poll(() => spec.sandbox.tasks()[0]?.StreamUrl).toBe('rtmps://live.example.com:443/app/key');
  const sent = updates().length;
  const id = (await boardTask(host, taskId)).id;
  for (const url of [
    'https://user:pw@media.example.com/a.mp4',
    'https://media.example.com/a.mp4\r\nX: 1',
    `https://m.example.com/${'x'.repeat(2048)}`,
  ]) {
    await expect(rpc(host, 'tasks.switchSource', { id, source: { kind: 'url', url } })).rejects.toThrow(/INVALID_INPUT/);
  }
  expect(updates()).toHaveLength(sent);

  // The profile is moved to another region: new launches would go there, this task stays.
  await rpc(host, 'accounts.updateProfile', {
    id: profileId,
    name: 'Region sandbox',
    site: 'international',
    region: 'ap-jakarta',
    endpoint: { scheme: 'http', host: '127.0.0.1', port: spec.sandbox.port },
  });
  await expect(card.getByTestId('task-region-moved')).toHaveText(
    'Profile "Region sandbox" now uses ap-jakarta: this task stays in ap-tokyo, where it was started.',
  );
  expect(await rpc<LiveTask>(host, 'tasks.refresh', { id })).toMatchObject({ status: 'running', lastError: null });
  await page.getByRole('button', { name: 'Resume Tokyo show' }).click();
  await expect(card.getByTestId('task-status')).toHaveText('In progress');
  await page.getByRole('button', { name: 'Stop Tokyo show' }).click();
  await expect(page.getByTestId('task-history')).toContainText('Stopped here');
  expect(spec.sandbox.tasks()[0]).toMatchObject({ state: 'stopped', endReason: 'stopped' });

  const calls = spec.sandbox.requests();
  expect(calls.filter((call) => call.outcome !== 'ok')).toEqual([]);
  expect(new Set(calls.map((call) => call.region))).toEqual(new Set(['ap-tokyo']));
  expect(new Set(calls.map((call) => call.action))).toEqual(
    new Set(['StartStreamIngest', 'UpdateStreamIngest', 'DescribeStreamIngest', 'StopStreamIngest']),
  );
});

test('adopt refuses a TaskId the identifier rule forbids, or a region of another site, before anything is sent', async ({ page, host }) => {
  await spec.addAccount(host);
  for (const taskId of ['abc def', 'täsk']) {
    await expect(rpc(host, 'tasks.adopt', { sdkAppId: spec.sdkAppId, taskId })).rejects.toThrow(/INVALID_INPUT/);
  }
  // A region the account's site does not have is refused before the wire too.
  await expect(rpc(host, 'tasks.adopt', { sdkAppId: spec.sdkAppId, taskId: 'abc', region: 'ap-beijing' })).rejects.toThrow(/INVALID_INPUT/);
  expect(spec.sandbox.requests()).toEqual([]);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Live tasks' }).click();
  await page.getByRole('button', { name: 'Adopt a task' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'SdkAppId' }).fill(String(spec.sdkAppId));
  await dialog.getByRole('textbox', { name: 'TaskId' }).fill('täsk');
  await expect(dialog.getByText('A TaskId uses printable ASCII characters only, without spaces.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Adopt' })).toBeDisabled();
  expect(spec.sandbox.requests()).toEqual([]);
});
