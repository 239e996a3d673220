import type { LiveTask } from '../src/shared/contract/tasks';
import { sampleDraft } from '../src/shared/test-support/samples';
import { expect, test } from './fixtures';
import type { RunningHost } from './support/host';
import { rpc } from './support/rpc';
import { specSandbox } from './support/spec-sandbox';

/**
 * What a producer sees when TRTC calls of a running task fail: the page, over the browser host,
 * against a sandbox run by the test (so it can inject faults) behind an account with a custom
 * endpoint. The fault matrix (src/main/tasks/fault-matrix.test.ts) covers every action × fault in
 * main; this checks the words on the screen in both languages.
 */
const faults = specSandbox({ sdkAppId: 1400000888, name: 'Fault' });
const sdkAppId = faults.sdkAppId;

async function launchOnSandbox(host: RunningHost, name: string): Promise<string> {
  await faults.addAccount(host);
  const preset = await rpc<{ id: string }>(host, 'presets.create', {
    draft: sampleDraft({ name, sdkAppId, media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=3600' } }),
  });
  const record = await rpc<{ state: string; taskId: string }>(host, 'launch.start', {
    source: { kind: 'preset', presetId: preset.id },
    // The spec's account is a user account (live to main): a direct call confirms it, as the page does after asking.
    confirmLive: true,
  });
  expect(record.state).toBe('started');
  return record.taskId;
}

const boardTask = async (host: RunningHost, taskId: string) =>
  (await rpc<LiveTask[]>(host, 'tasks.list')).find((task) => task.taskId === taskId) as LiveTask;

test('a refused control and a failed stop are explained from the error catalog, in English and in Chinese', async ({ page, host }) => {
  test.setTimeout(60_000);
  const taskId = await launchOnSandbox(host, 'Fault show');
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Live tasks' }).click();
  await expect(page.getByTestId('tasks-screen')).toHaveAttribute('data-loaded', 'yes');
  const card = page.getByRole('article', { name: 'Fault show' });
  await expect(card.getByTestId('task-status')).toHaveText('In progress');

  // A clock 5 minutes off: the API refuses the Update; it is not retried, the volume rolls back.
  faults.sandbox.faults.set('UpdateStreamIngest', { error: { code: 'AuthFailure.SignatureExpire', times: 1 } });
  const volume = page.getByRole('textbox', { name: 'Volume of Fault show' });
  await volume.fill('150');
  await volume.press('Enter');
  const notice = page.getByRole('alert').filter({ hasText: 'The change was not applied' });
  await expect(notice).toContainText("more than 5 minutes away from the server's time");
  await expect(notice).toContainText("Check your computer's clock");
  await expect(notice).toContainText('(AuthFailure.SignatureExpire)');
  await expect(volume).toHaveValue('100');
  expect(faults.sandbox.requests().filter((request) => request.action === 'UpdateStreamIngest')).toHaveLength(1);
  expect(faults.sandbox.tasks()[0]?.Volume).toBe(100);

  // The network breaks: every Stop attempt (and every poll) has its connection reset. The Stop is
  // retried, then reported; the task still runs. (Polls fail too, so none clears the error shown.)
  faults.sandbox.faults.set('*', { failure: 'reset' });
  await card.getByRole('button', { name: 'Stop Fault show' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The request could not reach the TRTC API' })).toBeVisible({ timeout: 20_000 });
  await expect(card.getByTestId('task-error')).toContainText('Last call failed: NETWORK_ERROR');
  await expect(card.getByTestId('task-error')).toContainText('Check the network, proxy and custom endpoint.');
  await expect(card.getByTestId('task-status')).toHaveText('In progress');
  expect(faults.sandbox.requests().filter((request) => request.action === 'StopStreamIngest')).toHaveLength(5);
  expect(faults.sandbox.tasks()[0]?.state).toBe('in-progress');

  await rpc(host, 'system.updateSettings', { language: 'zh-CN' });
  await expect(card.getByTestId('task-error')).toContainText('请求无法到达 TRTC 接口，或连接中断。');
  await expect(card.getByTestId('task-error')).toContainText('请检查网络、代理和自定义端点。');

  // The fault gone, the same button stops it.
  faults.sandbox.faults.clear();
  await card.getByRole('button', { name: '停止 Fault show' }).click();
  await expect.poll(async () => (await boardTask(host, taskId)).status).toBe('ended');
  expect(faults.sandbox.tasks()[0]?.state).toBe('stopped');
});
