import type { Page } from '@playwright/test';
import { screenIds } from '../src/renderer/src/app/screen-ids';
import type { TaskRecord } from '../src/shared/contract/launch';
import type { LiveTask } from '../src/shared/contract/tasks';
import { expect, test } from './fixtures';
import type { RunningHost } from './support/host';
import { rpc, sandboxDraft } from './support/rpc';

async function open(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
}

// The machine running these may be loaded: a generous budget, with conditions (not sleeps) as synchronisation.
test.describe.configure({ timeout: 120_000 });

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const currentScreen = (page: Page) => page.locator('nav [aria-current="page"]');

test('Ctrl+K opens the palette, even from a text field; it goes to a screen and Escape closes it', async ({ page, host }) => {
  await open(page, host);
  await page.getByRole('button', { name: 'Media library' }).click();
  await page.getByTestId('media-search').focus();
  await page.keyboard.press('Control+K');
  await expect(palette(page)).toBeVisible();
  const search = palette(page).getByRole('textbox', { name: 'Search commands' });
  await expect(search).toBeFocused();
  await search.fill('task log');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Task log', level: 2 })).toBeVisible();

  await page.getByTestId('palette-button').click();
  await expect(palette(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
});

test('Alt+1 to Alt+8 follow the navigation order, whatever control has the focus', async ({ page, host }) => {
  await open(page, host);
  const labels = await page.locator('nav [data-screen]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-screen')));
  expect(labels).toEqual([...screenIds]);
  for (const [index, id] of [...screenIds].entries()) {
    await page.locator('body').press(`Alt+Digit${index + 1}`);
    await expect(currentScreen(page)).toHaveAttribute('data-screen', id);
  }
  await page.keyboard.press('Alt+Digit4');
  await expect(currentScreen(page)).toHaveAttribute('data-screen', screenIds[3] as string);
  // From a text field too: the search keeps its text, the screen changes.
  await page.getByRole('button', { name: 'Media library' }).click();
  await page.getByTestId('media-search').fill('news');
  await page.keyboard.press('Alt+Digit1');
  await expect(currentScreen(page)).toHaveAttribute('data-screen', screenIds[0] as string);
  await page.keyboard.press(`Alt+Digit${screenIds.indexOf('media') + 1}`);
  await expect(page.getByTestId('media-search')).toHaveValue('news');
});

test('? and F1 open the shortcuts help from the same table, in English and in Chinese', async ({ page, host }) => {
  await open(page, host);
  await page.locator('body').press('Shift+?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const rows = help.getByTestId('shortcuts-table').locator('tbody tr');
  // Palette, help, one per screen, launch, a show's Go, Escape.
  await expect(rows).toHaveCount(screenIds.length + 5);
  await expect(help).toContainText('Open the command palette');
  await expect(rows.filter({ hasText: 'Go to Task log' }).locator('kbd')).toHaveText(['Alt', String(screenIds.indexOf('log') + 1)]);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await rpc(host, 'system.updateSettings', { language: 'zh-CN' });
  // Whatever screen opens first, the navigation follows the language.
  await expect(page.getByRole('button', { name: '状态与设置' })).toBeVisible();
  await page.keyboard.press('F1');
  const zhHelp = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(zhHelp).toContainText('打开命令面板');
  await expect(zhHelp).toContainText('跳转到任务日志');
  await zhHelp.getByRole('button').first().click();
  await expect(zhHelp).toBeHidden();
  // The header's "?" button has a name in both languages.
  await page.getByRole('button', { name: '键盘快捷键' }).click();
  await expect(zhHelp).toBeVisible();
});

test('launching a preset from the palette asks first, then starts it on the sandbox', async ({ page, host }) => {
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft('Evening news') });
  await open(page, host);
  await page.keyboard.press('Control+K');
  await palette(page).getByRole('textbox', { name: 'Search commands' }).fill('evening');
  await palette(page)
    .getByRole('button', { name: /Launch Evening news/ })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Launch this preset?' });
  await expect(confirm).toContainText('Evening news starts streaming into room 1234 of app 1400000001');
  await expect(currentScreen(page)).toHaveAttribute('data-screen', 'launch');
  // Nothing was sent before the confirmation.
  expect(await rpc<TaskRecord[]>(host, 'launch.tasks')).toEqual([]);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await rpc<TaskRecord[]>(host, 'launch.tasks')).toEqual([]);

  // Ctrl+Enter on the Launch screen offers the selected preset again; Enter on the focused confirm launches.
  await page.locator('body').press('Control+Enter');
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Launch now' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('task-record').first()).toHaveAttribute('data-state', 'started');
  const records = await rpc<TaskRecord[]>(host, 'launch.tasks');
  expect(records.map((record) => [record.presetId, record.state])).toEqual([[preset.id, 'started']]);
});

test('stopping a running task from the palette asks first', async ({ page, host }) => {
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft('Stage feed') });
  const record = await rpc<{ state: string; taskId?: string }>(host, 'launch.start', { source: { kind: 'preset', presetId: preset.id } });
  expect(record.state).toBe('started');
  await open(page, host);
  await page.keyboard.press('Control+K');
  // "stop" names a command: Enter runs it, not the "find in the media library" suggestion listed first before.
  await palette(page).getByRole('textbox', { name: 'Search commands' }).fill('stop');
  await expect(palette(page).getByRole('button', { name: /Stop Stage feed/ })).toBeVisible();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Stop this task?' });
  await expect(confirm).toContainText('Stage feed (app 1400000001, room 1234) will stop streaming');
  // No destructive button has the focus by default.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  const running = async () => (await rpc<LiveTask[]>(host, 'tasks.list')).filter((task) => task.status === 'running').length;
  expect(await running()).toBe(1);
  await confirm.getByRole('button', { name: 'Stop task' }).click();
  await expect(page.getByText('Stage feed stopped.')).toBeVisible();
  expect(await running()).toBe(0);
});

test('find media opens the library filtered; switch app changes the app in use', async ({ page, host }) => {
  await rpc(host, 'media.add', { name: 'Morning news', url: 'https://cdn.example.com/news.mp4' });
  await rpc(host, 'media.add', { name: 'Concert', url: 'https://cdn.example.com/concert.mp4' });
  await open(page, host);
  await page.keyboard.press('Control+K');
  await palette(page).getByRole('textbox', { name: 'Search commands' }).fill('news');
  await palette(page).getByRole('button', { name: 'Find “news” in the media library' }).click();
  await expect(page.getByTestId('media-search')).toHaveValue('news');
  await expect(page.getByTestId('media-count')).toHaveText('1 of 2 entries');

  await page.keyboard.press('Control+K');
  await palette(page).getByRole('textbox', { name: 'Search commands' }).fill('switch sandbox');
  await expect(palette(page).getByRole('button', { name: /Switch to Sandbox app · 1400000001/ })).toContainText('In use');
});

test('focus never falls to the page body: after Launch, after Stop, after closing a dialog', async ({ page, host }) => {
  await rpc(host, 'presets.create', { draft: sandboxDraft('Focus show') });
  await open(page, host);
  const body = () => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);

  // Launch: the button shows its loader (disabled) while the call runs, then has the focus again.
  const launch = page.getByRole('button', { name: 'Launch Focus show' });
  await launch.click();
  await expect(page.getByTestId('task-record').first()).toHaveAttribute('data-state', 'started');
  await expect(launch).toBeFocused();

  // Stop: the card leaves the board; the focus stays on the board, not the body.
  await page.getByRole('button', { name: 'Live tasks' }).click();
  await page.getByRole('button', { name: 'Stop Focus show' }).click();
  await expect(page.getByRole('article', { name: 'Focus show' })).toHaveCount(0);
  await expect.poll(body).toBe(false);
  await expect(page.locator('main')).toContainText('Live tasks');
  expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false)).toBe(true);

  // A dialog closed with Escape gives the focus back to the button that opened it.
  const batch = page.getByRole('button', { name: 'Batch launch' });
  await batch.click();
  await expect(page.getByRole('dialog', { name: 'Batch launch' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Batch launch' })).toBeHidden();
  await expect(batch).toBeFocused();
});
