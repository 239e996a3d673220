import { get } from 'node:http';
import { expect, test } from './fixtures';

test('the page loads through the host on the Launch screen and shows the real keychain status', async ({ page, host }) => {
  // Two screens and the keychain on a loaded 2-core machine: more than the default 30 s at times.
  test.setTimeout(60_000);
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  // The app opens on Launch, the screen used most, first in the navigation.
  await expect(page.getByRole('button', { name: 'Launch', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation').getByRole('button').first()).toHaveAttribute('data-screen', 'launch');
  await page.getByRole('button', { name: 'Status & settings' }).click();
  // The token is moved out of the address bar once read.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  const state = page.getByTestId('keychain-state');
  await expect(state).toHaveAttribute('data-state', 'available');
  await expect(state).toHaveText('Available');
  await expect(page.getByTestId('transport')).toContainText('Browser host');
});

test('switching the language to Chinese renders the page in Chinese and is remembered', async ({ page, host }) => {
  test.setTimeout(60_000);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Status & settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { name: '状态与设置' })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: '状态与设置' }).click();
  await expect(page.getByTestId('keychain-state')).toHaveText('可用');
});

test('the host refuses a missing token, a wrong token and a foreign Origin', async ({ request, host }) => {
  const rpc = `${host.origin}/rpc/system.info`;
  const missing = await request.post(rpc, { data: {} });
  expect(missing.status()).toBe(401);
  expect((await missing.json()).error.code).toBe('FORBIDDEN');

  const wrong = await request.post(rpc, { data: {}, headers: { Authorization: `Bearer ${host.token}x` } });
  expect(wrong.status()).toBe(401);

  const foreign = await request.post(rpc, { data: {}, headers: { Authorization: `Bearer ${host.token}`, Origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);

  const good = await request.post(rpc, { data: {}, headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin } });
  expect(good.status()).toBe(200);
  expect((await good.json()).value.transport).toBe('browser');
  // The call's time inside the host, for the network panel and the launch bench.
  expect(good.headers()['server-timing']).toMatch(/^dispatch;dur=\d+\.\d{2}$/);
  expect(missing.headers()['server-timing']).toBeUndefined();
});

test('a foreign Host header (DNS rebinding) is refused even for static files', async ({ host }) => {
  // fetch() will not send a custom Host header; node:http will.
  const status = await new Promise<number>((resolve, reject) => {
    const request = get({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: `rebind.example:${host.port}` } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
  expect(status).toBe(403);
});

test('the page is served with a strict CSP', async ({ request, host }) => {
  const response = await request.get(`${host.origin}/`);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  expect(csp).toContain("frame-ancestors 'none'");
});
