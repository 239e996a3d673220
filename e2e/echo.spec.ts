import type { LogExport, LogPage } from '../src/shared/contract/log';
import { sampleDraft } from '../src/shared/test-support/samples';
import { expect, test } from './fixtures';
import type { RunningHost } from './support/host';
import { confirmLive, pickApp } from './support/live';
import { rpc } from './support/rpc';
import { specSandbox } from './support/spec-sandbox';

/**
 * An endpoint that echoes the request body back (a debugging proxy, a careless gateway): the body
 * carries the UserSig and PrivateMapKey, so the echo does too, in base64 or wrapped in lines. Every
 * ticket the sandbox received is registered with the whole-run secret scan, which then looks for it,
 * in every encoding, in the data dir, the log and its exports, the diagnostic bundle, the host's
 * output, the page and every answer: it must find none.
 */
const echo = specSandbox({ sdkAppId: 1400000666, name: 'Echo' });

async function echoPreset(host: RunningHost, name: string, roomId: string): Promise<string> {
  const preset = await rpc<{ id: string }>(host, 'presets.create', {
    draft: sampleDraft({
      name,
      roomId,
      sdkAppId: echo.sdkAppId,
      media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=3600' },
      privateMapKey: { mode: 'generate', expirySeconds: 600, privileges: 255 },
    }),
  });
  return preset.id;
}

test('an echoing endpoint puts no ticket in the log, its exports, the bundle, the page or an answer', async ({ page, host }) => {
  test.setTimeout(90_000);
  await echo.addAccount(host);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Launch', level: 2 })).toBeVisible();

  // A good answer carrying the body in base64, then one wrapped at 64 columns.
  for (const form of ['base64', 'base64-wrapped'] as const) {
    echo.sandbox.faults.set('StartStreamIngest', { echo: form });
    const presetId = await echoPreset(host, `Echo ${form}`, form === 'base64' ? '101' : '102');
    const started = await rpc<{ state: string; taskId: string }>(host, 'launch.start', {
      source: { kind: 'preset', presetId },
      confirmLive: true,
    });
    expect(started, JSON.stringify(started)).toMatchObject({ state: 'started' });
  }
  // An error answer whose message ends with the echo, launched from the page so the page shows it.
  echo.sandbox.faults.set('StartStreamIngest', {
    echo: 'base64-wrapped',
    error: { code: 'InternalError', message: 'Internal error.', times: 1 },
  });
  await echoPreset(host, 'Echo show', '103');
  await page.reload();
  await pickApp(page, 'Echo app');
  await page.getByRole('button', { name: 'Launch Echo show' }).click();
  await confirmLive(page);
  const failed = page.getByTestId('task-record').first();
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed.getByTestId('task-error-code')).toHaveText('InternalError');
  // Describe, Update and Stop echo their bodies too (no ticket in them, but the same path).
  echo.sandbox.faults.set('*', { echo: 'base64-wrapped' });
  const tasks = await rpc<{ id: string; taskId?: string }[]>(host, 'tasks.list');
  const running = tasks.find((task) => task.taskId);
  if (running) await rpc(host, 'tasks.pause', { id: running.id });

  // The echoes reached the app: the log holds them, redacted where a ticket was.
  const log = await rpc<LogPage>(host, 'log.query', { filter: {} });
  expect(log.total).toBeGreaterThanOrEqual(3);
  const starts = await Promise.all(
    log.rows
      .filter((row) => row.action === 'StartStreamIngest')
      .map((row) => rpc<{ response?: { Echo?: string } }>(host, 'log.entry', { id: row.id })),
  );
  expect(starts.some((entry) => entry.response?.Echo?.includes('[redacted]'))).toBe(true);
  for (const format of ['json', 'csv'] as const) {
    const exported = await rpc<LogExport>(host, 'log.exportEntries', { filter: {}, format });
    // Polls of the launched tasks keep adding rows while the spec runs.
    expect(exported.count).toBeGreaterThanOrEqual(log.total);
  }
  await rpc<LogExport>(host, 'log.diagnosticBundle', { filter: {} });
  await page.getByRole('button', { name: 'Task log' }).click();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
});
