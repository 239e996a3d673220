import type { Page } from '@playwright/test';
import type { PresetDraft } from '../src/shared/contract/presets';
import type { BatchView, LiveTask, StartupCheck } from '../src/shared/contract/tasks';
import { sampleDraft } from '../src/shared/test-support/samples';
import { expect, test } from './fixtures';
import { type RunningHost, startHost } from './support/host';
import { rpc } from './support/rpc';

/** A preset on the built-in sandbox app; `#duration=` tells the sandbox how long the media plays. */
function draft(name: string, patch: Partial<PresetDraft> = {}) {
  return sampleDraft({ name, media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=600' }, ...patch });
}

async function launchPreset(host: RunningHost, name: string, patch: Record<string, unknown> = {}) {
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: draft(name, patch) });
  const record = await rpc<{ state: string; taskId?: string }>(host, 'launch.start', { source: { kind: 'preset', presetId: preset.id } });
  expect(record.state).toBe('started');
  return { presetId: preset.id, taskId: record.taskId as string };
}

async function openBoard(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Live tasks' }).click();
  await expect(page.getByTestId('tasks-screen')).toHaveAttribute('data-loaded', 'yes');
}

const boardTask = async (host: RunningHost, taskId: string) =>
  (await rpc<LiveTask[]>(host, 'tasks.list')).find((task) => task.taskId === taskId) as LiveTask;

test('the live tasks board loads empty', async ({ page, host }) => {
  await openBoard(page, host);
  await expect(page.getByRole('heading', { name: 'Live tasks' })).toBeVisible();
  await expect(page.getByText('No task is running.')).toBeVisible();
  await expect(page.getByText('No finished task yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop all' })).toBeDisabled();
});

test('pause, resume, volume, tempo, switch and stop a sandbox task from the board', async ({ page, host }) => {
  test.setTimeout(60_000);
  const { taskId } = await launchPreset(host, 'Morning show');
  await openBoard(page, host);
  const card = page.getByRole('article', { name: 'Morning show' });
  await expect(card.getByTestId('task-status')).toHaveText('In progress');
  await expect(page.getByRole('region', { name: 'App 1400000001 · room 1234' })).toBeVisible();

  await page.getByRole('button', { name: 'Pause Morning show' }).click();
  await expect(card.getByTestId('task-status')).toHaveText('Paused');
  await expect(card.getByTestId('paused-warning')).toContainText('still bills');
  await expect.poll(async () => (await boardTask(host, taskId)).paused).toBe(true);
  await page.getByRole('button', { name: 'Resume Morning show' }).click();
  await expect(card.getByTestId('task-status')).toHaveText('In progress');

  const volume = page.getByRole('textbox', { name: 'Volume of Morning show' });
  await volume.fill('150');
  await volume.press('Enter');
  await expect(card.getByText('Volume 150')).toBeVisible();
  await expect.poll(async () => (await boardTask(host, taskId)).volume).toBe(150);

  await page.getByRole('combobox', { name: 'Tempo of Morning show' }).click();
  await page.getByRole('option', { name: '1.5×' }).click();
  await expect.poll(async () => (await boardTask(host, taskId)).tempo).toBe(1.5);

  await page.getByRole('textbox', { name: 'New source URL for Morning show' }).fill('https://media.example.com/other.mp4');
  await page.getByRole('button', { name: 'Switch the source of Morning show' }).click();
  await expect(card.getByTestId('task-source')).toContainText('other.mp4');

  await page.getByRole('button', { name: 'Stop Morning show' }).click();
  await expect(card).toHaveCount(0);
  const history = page.getByTestId('task-history');
  await expect(history).toContainText('Morning show');
  await expect(history).toContainText('Stopped here');
  expect(await boardTask(host, taskId)).toMatchObject({ status: 'ended', endReason: 'stopped' });
});

test('a control that fails is rolled back on the page and explained', async ({ page, host }) => {
  const { taskId } = await launchPreset(host, 'Evening show');
  await openBoard(page, host);
  const card = page.getByRole('article', { name: 'Evening show' });
  await expect(card.getByText('Volume 100')).toBeVisible();
  // The main process answers this one call with a TRTC error, as a refused Update would come back.
  await page.route('**/rpc/tasks.setVolume', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'TRTC_API_ERROR', message: 'InternalError: try later' } }),
    }),
  );
  const volume = page.getByRole('textbox', { name: 'Volume of Evening show' });
  await volume.fill('30');
  await volume.press('Enter');
  await expect(page.getByText('The change was not applied')).toBeVisible();
  await expect(card.getByText('Volume 100')).toBeVisible();
  await expect(volume).toHaveValue('100');
  expect((await boardTask(host, taskId)).volume).toBe(100);
});

test('a task the sandbox ends by itself moves to the history', async ({ page, host }) => {
  test.setTimeout(60_000);
  // The board is open first: the launch reaches it as an event, long before the first poll.
  await openBoard(page, host);
  const { taskId } = await launchPreset(host, 'Short clip', {
    media: { kind: 'url', url: 'https://media.example.com/short.mp4#duration=6' },
  });
  await expect(page.getByRole('article', { name: 'Short clip' })).toBeVisible();
  // Nothing is clicked: the next poll (every 5 to 10 s) finds it NotExist.
  await expect(page.getByTestId('task-history')).toContainText('Ended or stopped', { timeout: 45_000 });
  await expect(page.getByRole('article', { name: 'Short clip' })).toHaveCount(0);
  expect(await boardTask(host, taskId)).toMatchObject({ status: 'ended', endReason: 'not-exist' });
});

test('a 25-room batch from the dialog: a result per item, a progress bar, and no RequestLimitExceeded', async ({ page, host }) => {
  test.setTimeout(60_000);
  await rpc(host, 'presets.create', { draft: draft('Batch show') });
  await openBoard(page, host);
  await page.getByRole('button', { name: 'Batch launch' }).click();
  await page.getByRole('combobox', { name: 'Presets' }).click();
  await page.getByRole('option', { name: 'Batch show' }).click();
  await page.keyboard.press('Escape');
  const rooms = Array.from({ length: 25 }, (_, index) => String(5000 + index)).join('\n');
  await page.getByRole('textbox', { name: 'Rooms (one per line, optional)' }).fill(rooms);
  await page.getByRole('button', { name: 'Launch 25' }).click();
  const batch = page.getByTestId('batch');
  await expect(batch).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(batch.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  const [view] = await rpc<BatchView[]>(host, 'tasks.batches');
  expect(view?.items).toHaveLength(25);
  const codes = (view?.items ?? []).map((item) => item.error?.code ?? item.state);
  expect(codes.filter((code) => code.startsWith('RequestLimitExceeded'))).toEqual([]);
  // The built-in sandbox runs at most 10 tasks per app, like a default TRTC quota: the rest say so.
  expect(codes.filter((code) => code === 'started')).toHaveLength(10);
  expect(codes.filter((code) => code === 'FailedOperation.RestrictedConcurrency')).toHaveLength(15);
  await expect(page.getByRole('article', { name: 'Batch show' })).toHaveCount(10);
});

test('kill the host during a batch, restart: every launched task is accounted for', async ({ host }) => {
  test.setTimeout(60_000);
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: draft('Crash show') });
  const items = Array.from({ length: 25 }, (_, index) => ({ presetId: preset.id, roomId: String(7000 + index) }));
  await rpc(host, 'tasks.batchStart', { items });
  await expect
    .poll(async () => (await rpc<BatchView[]>(host, 'tasks.batches'))[0]?.items.filter((item) => item.state === 'started').length ?? 0)
    .toBeGreaterThanOrEqual(3);
  await host.stop('SIGKILL');

  const again = await startHost({ dataDir: host.dataDir, keychainService: host.keychainService });
  try {
    // The host serves first and describes the last run's tasks again in the background.
    await expect.poll(async () => (await rpc<StartupCheck>(again, 'tasks.startupCheck')).state).toBe('done');
    const records = await rpc<{ id: string; state: string; taskId?: string }[]>(again, 'launch.tasks');
    const board = await rpc<LiveTask[]>(again, 'tasks.list');
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const record of records) {
      const entry = board.find((task) => task.id === record.id);
      if (record.state === 'failed') {
        expect(entry).toBeUndefined();
        continue;
      }
      // Started ones were described again (the in-process sandbox died with the host: NotExist);
      // one cut off mid-request has no TaskId and says so.
      expect(entry, `record ${record.id} (${record.state})`).toBeDefined();
      if (record.taskId) expect(entry).toMatchObject({ taskId: record.taskId, status: 'ended', endReason: 'not-exist' });
      else expect(entry).toMatchObject({ status: 'unknown' });
    }
    expect(board.filter((task) => task.status === 'launching' || task.status === 'running')).toEqual([]);
  } finally {
    await again.stop();
  }
});
