import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { openStores } from '../src/main/app/open-stores';
import { databaseFileName } from '../src/main/db/database';
import { TaskLog } from '../src/main/log/task-log';
import { callRecord } from '../src/main/log/test-support/test-records';
import { StoreProblems } from '../src/main/storage/store-problems';
import { expect, test } from './fixtures';
import { startHost } from './support/host';
import { registerSecrets } from './support/secret-scan/run-folder';

const sdkSecretKey = '5ecret5ecret5ecret5ecret5ecret5ecret5ecret5ecret5ecret5ecret0000';
// A UserSig as TLS sig v2 builds one: deflated JSON in base64 with `+/=` spelled `*-_`.
const userSig = deflateSync(
  JSON.stringify({
    'TLS.ver': '2.0',
    'TLS.identifier': 'robot_1',
    'TLS.sdkappid': 1400000001,
    'TLS.time': 1_795_000_000,
    'TLS.expire': 86_400,
    'TLS.sig': Buffer.from(sdkSecretKey).toString('base64'),
  }),
)
  .toString('base64')
  .replace(/\+/g, '*')
  .replace(/\//g, '-')
  .replace(/=/g, '_');
const secrets = [userSig, sdkSecretKey, userSig.slice(30, 90)];
registerSecrets(secrets, 'log.spec seeded ticket and key');

/** Seeds the log the way the app writes it: through the real TaskLog, into the database of the data dir the host will use. */
async function seededDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-e2e-log-'));
  const clock = { now: () => Date.now() };
  const stores = openStores({ dataDir, clock, problems: new StoreProblems(), documents: [], records: [] });
  const log = await TaskLog.open({ database: stores.database, clock });
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 9, minutes)).toISOString();
  log.record(
    callRecord({
      at: at(0),
      action: 'StartStreamIngest',
      purpose: 'launch',
      taskId: 'task-alpha',
      requestId: 'req-alpha-start',
      // A careless caller: the log must still keep these out.
      params: {
        SdkAppId: 1400000001,
        RoomId: '1234',
        UserId: 'robot_1',
        UserSig: userSig,
        StreamUrl: `https://media.example/a.m3u8?usersig=${userSig}`,
      },
      response: { TaskId: 'task-alpha' },
    }),
  );
  for (let i = 1; i <= 3; i++) log.record(callRecord({ at: at(i), taskId: 'task-alpha', requestId: `req-alpha-poll-${i}` }));
  log.record(
    callRecord({
      at: at(5),
      action: 'StartStreamIngest',
      taskId: 'task-beta',
      roomId: '5678',
      requestId: 'req-beta-start',
      response: { TaskId: 'task-beta' },
    }),
  );
  log.record(
    callRecord({
      at: at(6),
      action: 'StartStreamIngest',
      sdkAppId: 1400000002,
      roomId: 'studio b',
      taskId: undefined,
      outcome: 'api-error',
      errorCode: 'InvalidParameter.StreamUrl',
      errorMessage: 'StreamUrl not reachable',
      requestId: 'req-failed',
      response: undefined,
    }),
  );
  log.record(callRecord({ at: at(7), action: 'StopStreamIngest', taskId: 'task-alpha', requestId: 'req-alpha-stop', response: undefined }));
  await log.close();
  stores.close();
  return dataDir;
}

async function openLog(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Task log' }).click();
  await expect(page.getByRole('heading', { name: 'Task log' })).toBeVisible();
}

const requestIds = (page: Page) =>
  page.getByTestId('log-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-request-id')));

test.describe('task log', () => {
  // Each test seeds a log and starts its own host; the shared machine is slow.
  test.describe.configure({ timeout: 90_000 });

  test('shows every call newest first, filters, copies ids and opens a task history', async ({ page, context }) => {
    const host = await startHost({ dataDir: await seededDataDir() });
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
      await openLog(page, host.url);
      await expect(page.getByTestId('log-summary')).toHaveText('5 of 5 entries');
      expect(await requestIds(page)).toEqual(['req-alpha-stop', 'req-failed', 'req-beta-start', 'req-alpha-poll-1', 'req-alpha-start']);
      // Three identical Describes are one row with a count.
      await expect(page.getByTestId('log-row').filter({ hasText: '×3' })).toHaveCount(1);

      await page.getByRole('combobox', { name: 'Outcome' }).click({ force: true }); // Mantine's pill box lies over the input
      await page.getByRole('option', { name: 'API error' }).click();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('log-summary')).toHaveText('1 of 5 entries');
      expect(await requestIds(page)).toEqual(['req-failed']);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect(page.getByTestId('log-summary')).toHaveText('5 of 5 entries');

      await page.getByRole('textbox', { name: 'Search' }).fill('invalidparameter.streamurl');
      await expect(page.getByTestId('log-summary')).toHaveText('1 of 5 entries');
      await page.getByRole('textbox', { name: 'Search' }).fill('');
      await page.getByRole('textbox', { name: 'Room' }).fill('5678');
      await expect.poll(() => requestIds(page)).toEqual(['req-beta-start']);
      await page.getByRole('button', { name: 'Clear filters' }).click();

      await page.getByRole('button', { name: 'Copy RequestId req-failed' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('req-failed');

      // Details show the redacted parameters; from there, the whole history of the task.
      await page.getByTestId('log-row').filter({ hasText: 'req-alpha-start' }).getByTestId('open-details').click();
      const details = page.getByTestId('log-details');
      await expect(details.getByTestId('details-params')).toContainText('"UserSig": "[redacted]"');
      await details.getByRole('button', { name: 'Copy TaskId task-alpha' }).click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('task-alpha');
      await details.getByRole('button', { name: 'Whole history of this task' }).click();
      await expect(page.getByTestId('task-history')).toContainText('History of task task-alpha');
      await expect.poll(() => requestIds(page)).toEqual(['req-alpha-stop', 'req-alpha-poll-1', 'req-alpha-start']);

      // Nothing the page received holds a secret.
      const html = await page.content();
      for (const secret of secrets) expect(html).not.toContain(secret);
    } finally {
      await host.stop();
    }
  });

  test('exports the filtered entries as CSV and JSON and a diagnostic bundle, none holding a secret', async ({ page }) => {
    const dataDir = await seededDataDir();
    const host = await startHost({ dataDir });
    try {
      await openLog(page, host.url);
      await page.getByRole('combobox', { name: 'Action' }).click({ force: true });
      await page.getByRole('option', { name: 'Start' }).click();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('log-summary')).toHaveText('3 of 5 entries');

      const download = async (name: string) => {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
        return { name: file.suggestedFilename(), text: await readFile((await file.path()) as string, 'utf8') };
      };
      const csv = await download('Export CSV');
      expect(csv.name).toMatch(/^task-log-.*\.csv$/);
      const [header, ...rows] = csv.text.trim().split('\r\n');
      expect(header?.split(',').slice(0, 6)).toEqual(['seq', 'id', 'at', 'action', 'purpose', 'outcome']);
      expect(rows).toHaveLength(3);
      expect(csv.text).toContain('req-failed');

      const json = await download('Export JSON');
      const body = JSON.parse(json.text);
      expect(body).toMatchObject({ kind: 'ingest-desk-task-log', count: 3, filter: { actions: ['StartStreamIngest'] } });

      const bundle = await download('Diagnostic bundle');
      expect(JSON.parse(bundle.text)).toMatchObject({
        kind: 'ingest-desk-diagnostic-bundle',
        app: { name: 'Ingest Desk' },
        log: { count: 3 },
      });

      const files = [csv.text, json.text, bundle.text, await readFile(join(dataDir, databaseFileName), 'latin1')];
      for (const text of files) for (const secret of secrets) expect(text).not.toContain(secret);
    } finally {
      await host.stop();
    }
  });

  test('a torn last line an earlier version left in its log file is skipped with a note on import, never fatal', async ({ page }) => {
    const dataDir = await seededDataDir();
    // The log's file as the version before the database left it after a crash: imported at the next start.
    await mkdir(join(dataDir, 'log'));
    await writeFile(join(dataDir, 'log', 'task-log-000001.jsonl'), '{"v":1,"type":"call","id":"torn","seq":99,"at":"2026-11-27T10:0');
    const host = await startHost({ dataDir });
    try {
      await openLog(page, host.url);
      await expect(page.getByTestId('log-skipped')).toContainText('1 unreadable line');
      await expect(page.getByTestId('log-summary')).toHaveText('5 of 5 entries');
      // Every control has an accessible name and the table is a proper ARIA table.
      const { violations } = await new AxeBuilder({ page }).include('main').analyze();
      expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
    } finally {
      await host.stop();
    }
  });
});

test('a call made while the log is open appears live (Test connection against the built-in sandbox)', async ({ page, request, host }) => {
  await openLog(page, host.url);
  await expect(page.getByTestId('log-summary')).toHaveText('0 of 0 entries');
  const headers = { Authorization: `Bearer ${host.token}`, Origin: host.origin };
  const overview = await (await request.post(`${host.origin}/rpc/accounts.overview`, { data: {}, headers })).json();
  const profileId = overview.value.profiles[0].id;
  const tested = await (await request.post(`${host.origin}/rpc/accounts.testConnection`, { data: { profileId }, headers })).json();
  expect(tested).toMatchObject({ ok: true, value: { verdict: 'valid' } });
  // No reload: the log.appended event brings the row.
  await expect(page.getByTestId('log-summary')).toHaveText('1 of 1 entries');
  await expect(page.getByTestId('log-row')).toHaveAttribute('data-request-id', tested.value.requestId);

  // Each page call has its own id: a second test's row names another action, and the filter joins a row to its action's calls.
  const again = await (await request.post(`${host.origin}/rpc/accounts.testConnection`, { data: { profileId }, headers })).json();
  await expect(page.getByTestId('log-summary')).toHaveText('2 of 2 entries');
  await page.getByTestId('log-row').filter({ hasText: tested.value.requestId }).getByTestId('open-details').click();
  const details = page.getByTestId('log-details');
  const callId = (
    await details
      .getByRole('row', { name: /Page action/ })
      .getByRole('cell')
      .textContent()
  )?.trim();
  expect(callId).toMatch(/^[\w-]{8,64}$/);
  await details.getByRole('button', { name: 'Calls of this page action' }).click();
  await expect(page.getByTestId('call-filter')).toHaveText(`API calls of page action ${callId}`);
  await expect(page.getByTestId('log-summary')).toHaveText('1 of 2 entries');
  await expect(page.getByTestId('log-row')).toHaveAttribute('data-request-id', tested.value.requestId);
  expect(again.value.requestId).not.toBe(tested.value.requestId);
  await page.getByRole('button', { name: 'Show every action' }).click();
  await expect(page.getByTestId('log-summary')).toHaveText('2 of 2 entries');
});
