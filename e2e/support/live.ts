import { expect, type Page } from '@playwright/test';

/** Picks the app in the header's switcher; Launch lists only that app's presets. */
export async function pickApp(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Current app' }).click();
  await page.getByRole('option', { name: label }).click();
  await expect(page.getByRole('combobox', { name: 'Current app' })).toHaveValue(new RegExp(`^${label} · `));
}

/** Accepts the confirmation the first single launch into a live app of a session asks for. */
export async function confirmLive(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Launch into a live app?' });
  await dialog.getByRole('button', { name: 'Launch live' }).click();
  await expect(dialog).toBeHidden();
}
