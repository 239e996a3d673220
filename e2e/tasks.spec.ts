import { expect, test } from './fixtures';

test('the live tasks board loads empty', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Live tasks' }).click();
  await expect(page.getByRole('heading', { name: 'Live tasks' })).toBeVisible();
  await expect(page.getByTestId('tasks-screen')).toHaveAttribute('data-loaded', 'yes');
  await expect(page.getByText('No task is running.')).toBeVisible();
  await expect(page.getByText('No finished task yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop all' })).toBeDisabled();
});
