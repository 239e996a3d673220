import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHost } from './support/host';

async function openPresets(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await page.getByRole('button', { name: 'Presets' }).click();
  await expect(page.getByRole('heading', { name: 'Presets', level: 2 })).toBeVisible();
}

async function fillPreset(page: Page, values: { name: string; room?: string; url?: string }) {
  const form = page.getByRole('form');
  await form.getByLabel('Preset name').fill(values.name);
  // A fresh install has the built-in sandbox app; a new preset starts on it and its region.
  await expect(form.getByRole('combobox', { name: 'App (SdkAppId)' })).toHaveValue('Sandbox app (1400000001)');
  await expect(form.getByRole('combobox', { name: 'Region' })).toHaveValue('ap-singapore');
  await form.getByLabel('Room id').fill(values.room ?? '1234');
  await form.getByLabel('Media URL').fill(values.url ?? 'https://media.example.com/clip.mp4');
}

test('create a preset with inline errors as you type, then edit, duplicate, search, reorder and delete it', async ({ page, host }) => {
  test.setTimeout(120_000);
  await openPresets(page, host.url);
  await expect(page.getByText('No presets yet')).toBeVisible();
  await page.getByRole('button', { name: 'New preset' }).click();
  const form = page.getByRole('form');

  // Inline errors while typing, from the shared request schemas.
  // The form and its inline errors are accessible: every control named, valid ARIA, AA contrast.
  await form.getByLabel('Room id').fill('4294967295');
  await expect(form.getByText('An integer room id is 1 to 4294967294.')).toBeVisible();
  await form.getByLabel('Repeats').fill('0');
  await expect(form.getByText('Repeats is -1 (loop) or 1 to 1000; 0 is not allowed.')).toBeVisible();
  await form.getByLabel('Repeats').fill('-1');
  await expect(form.getByText('Repeats is -1 (loop) or 1 to 1000; 0 is not allowed.')).toBeHidden();
  await form.getByLabel('Robot UserId').fill('robot.1');
  await expect(form.getByText('The UserId may use letters, digits, _ and - only.')).toBeVisible();
  await form.getByLabel('Robot UserId').fill('robot_1');
  const axe = await new AxeBuilder({ page }).include('form').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual(
    [],
  );

  await fillPreset(page, { name: 'Morning show' });
  await form.getByLabel('Maximum duration (minutes)').fill('90');
  await form.getByLabel('Tags').fill('news');
  await form.getByLabel('Tags').press('Enter');
  await form.getByLabel('Folder').fill('Studio A');
  await form.getByRole('button', { name: 'Save preset' }).click();
  await expect(page.getByTestId('preset-row')).toHaveCount(1);
  await expect(page.getByTestId('preset-row')).toContainText('Morning show');

  // Edit: change the name.
  await page.getByRole('button', { name: 'Edit Morning show' }).click();
  await expect(page.getByRole('form').getByLabel('Maximum duration (minutes)')).toHaveValue('90');
  await page.getByRole('form').getByLabel('Preset name').fill('Early show');
  await page.getByRole('form').getByRole('button', { name: 'Save preset' }).click();
  await expect(page.getByTestId('preset-row')).toContainText('Early show');

  // Duplicate lands right after the original.
  await page.getByRole('button', { name: 'Duplicate Early show' }).click();
  await expect(page.getByTestId('preset-row')).toHaveText([/Early show/, /Early show \(copy\)/]);

  // Reorder: move the copy up.
  await page.getByRole('button', { name: 'Move Early show (copy) up' }).click();
  await expect(page.getByTestId('preset-row').first()).toContainText('Early show (copy)');

  // Group by folder, search.
  await page.getByText('Folder', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Studio A' })).toBeVisible();
  await page.getByLabel('Search presets').fill('copy');
  await expect(page.getByTestId('preset-row')).toHaveCount(1);
  await page.getByLabel('Search presets').fill('');

  // Delete (confirmed).
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete Early show (copy)' }).click();
  await expect(page.getByTestId('preset-row')).toHaveCount(1);

  // Survives a restart of the host.
  await host.stop();
  const again = await startHost({ dataDir: host.dataDir, keychainService: host.keychainService });
  try {
    await openPresets(page, again.url);
    await expect(page.getByTestId('preset-row')).toHaveCount(1);
    await expect(page.getByTestId('preset-row')).toContainText('Early show');
  } finally {
    await again.stop();
  }
});

test('a pasted UserSig goes to the keychain: never in presets.json, the export or the page', async ({ page, host }) => {
  test.setTimeout(90_000);
  const pasted = 'eJwPASTEDSECRETUSERSIG0123456789abcdef';
  await openPresets(page, host.url);
  await page.getByRole('button', { name: 'New preset' }).click();
  await fillPreset(page, { name: 'Pasted' });
  const form = page.getByRole('form');
  await form.getByRole('radiogroup', { name: 'UserSig' }).getByText('Paste').click();
  await form.getByLabel('Pasted UserSig').fill(pasted);
  await form.getByRole('button', { name: 'Save preset' }).click();
  await expect(page.getByTestId('preset-row')).toContainText('Pasted');

  // Re-opening the preset shows that a value is set, never the value.
  await page.getByRole('button', { name: 'Edit Pasted' }).click();
  await expect(page.getByText('A pasted value is in the keychain.')).toBeVisible();
  await expect(page.getByRole('form').getByLabel('Pasted UserSig')).toHaveValue('');
  expect(await page.content()).not.toContain(pasted);

  const exported = await page.request.post(`${host.origin}/rpc/presets.exportJson`, {
    data: {},
    headers: { Authorization: `Bearer ${host.token}` },
  });
  const { value } = await exported.json();
  expect(value.count).toBe(1);
  expect(value.json).not.toContain(pasted);
  for (const name of await readdir(host.dataDir)) {
    expect(await readFile(join(host.dataDir, name), 'utf8').catch(() => '')).not.toContain(pasted);
  }
  expect(host.stderr()).not.toContain(pasted);
});
