import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { rpc } from './support/rpc';
import { filesContaining } from './support/scan';

// A stand-in TRTC endpoint on loopback for the custom-endpoint profile: answers DescribeStreamIngest
// with NotExist and remembers what it was sent (the real SDK signs and sends it over HTTP).
async function fakeTrtcApi(): Promise<{ port: number; requests: { host?: string; authorization?: string }[]; close(): Promise<void> }> {
  const requests: { host?: string; authorization?: string }[] = [];
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests.push({ host: request.headers.host, authorization: request.headers.authorization });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ Response: { Status: 'NotExist', RequestId: 'e2e-request-0001' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Everything the page holds that a script could read: DOM, input values, storages. */
async function pageState(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify({
      html: document.documentElement.outerHTML,
      inputs: [...document.querySelectorAll('input, textarea')].map((element) => (element as HTMLInputElement).value),
      local: { ...window.localStorage },
      session: { ...window.sessionStorage },
    }),
  );
}

test('add a profile and an app with keys, test the connection, edit, delete: no secret reaches a file, a log, an export or the page', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  const api = await fakeTrtcApi();
  const secretKey = `SK${randomBytes(16).toString('hex')}`;
  const sdkSecretKey = randomBytes(32).toString('hex');
  const replacedKey = `SK${randomBytes(16).toString('hex')}`;
  const secrets = [secretKey, sdkSecretKey, replacedKey];
  const responses: string[] = [];
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.startsWith('/rpc/')) responses.push(await response.text().catch(() => ''));
  });
  page.on('dialog', (dialog) => void dialog.accept());

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Accounts & apps' }).click();
  await expect(page.getByRole('heading', { name: 'Accounts & apps' })).toBeVisible();

  // Add a profile pointing at the local endpoint, with its SecretKey.
  await page.getByRole('button', { name: 'Add profile' }).click();
  const profileDialog = page.getByRole('dialog', { name: 'Add credential profile' });
  await profileDialog.getByLabel('Name').fill('Studio A');
  await profileDialog.getByLabel('SecretId').fill('AKIDe2eSecretId000000000000000000WXYZ');
  await profileDialog.getByLabel('SecretKey').fill(secretKey);
  await profileDialog.getByLabel('Custom endpoint').check();
  await profileDialog.getByRole('combobox', { name: 'Scheme' }).click();
  await page.getByRole('option', { name: 'http', exact: true }).click();
  await profileDialog.getByLabel('Host').fill('127.0.0.1');
  await profileDialog.getByLabel('Port').fill(String(api.port));
  await profileDialog.getByRole('button', { name: 'Save' }).click();
  await expect(profileDialog).toBeHidden();

  const card = page.getByTestId('profile-card').filter({ hasText: 'Studio A' });
  await expect(card.getByTestId('profile-secret-state')).toHaveAttribute('data-state', 'set');
  await expect(card.getByTestId('secret-id-last4')).toContainText('WXYZ');

  // Test connection: the real SDK signs as production and the answer is shown with code, RequestId, latency.
  await card.getByRole('button', { name: 'Test connection: Studio A' }).click();
  await expect(card.getByTestId('connection-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(card.getByTestId('connection-request-id')).toHaveText('e2e-request-0001');
  await expect(card.getByTestId('connection-latency')).toContainText('ms');
  expect(api.requests[0]?.host).toBe('trtc.intl.tencentcloudapi.com');
  expect(api.requests[0]?.authorization).toContain('/trtc/tc3_request');

  // Replace the SecretKey through the write-only field.
  await card.getByRole('button', { name: 'Replace SecretKey' }).click();
  await card.getByTestId('profile-secret-input').fill(replacedKey);
  await card.getByRole('button', { name: 'Save to keychain' }).click();
  await expect(card.getByTestId('profile-secret-input')).toBeHidden();

  // Add an app with its SDK secret key; it becomes the selected app in the header.
  await page.getByRole('tab', { name: 'TRTC apps' }).click();
  await page.getByRole('button', { name: 'Add app' }).click();
  const appDialog = page.getByRole('dialog', { name: 'Add TRTC app' });
  await appDialog.getByLabel('SdkAppId').fill('1400012345');
  await appDialog.getByLabel('Label').fill('Evening show');
  await appDialog.getByLabel('SDK secret key').fill(sdkSecretKey);
  await appDialog.getByRole('button', { name: 'Save' }).click();
  await expect(appDialog).toBeHidden();
  const appCard = page.getByTestId('app-card').filter({ hasText: 'Evening show' });
  await expect(appCard.getByTestId('app-secret-state')).toHaveAttribute('data-state', 'set');
  await expect(page.getByRole('combobox', { name: 'Current app' })).toHaveValue('Evening show · 1400012345');

  // Generate a UserSig on request, then verify it and a tampered copy.
  await page.getByRole('tab', { name: 'UserSig & PrivateMapKey' }).click();
  await page.getByRole('button', { name: 'Generate to copy' }).click();
  const generated = await page.getByTestId('generated-ticket').inputValue();
  expect(generated.length).toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Hide' }).click();
  await page.getByLabel('UserSig or PrivateMapKey').fill(generated);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('ticket-valid')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('ticket-user-id')).toHaveText('ingest_robot_1');
  await expect(page.getByTestId('ticket-signature')).toContainText('Signed by Evening show');
  await page.getByLabel('UserSig or PrivateMapKey').fill('');

  // Rename the app (keys stay), export, then delete everything.
  await page.getByRole('tab', { name: 'TRTC apps' }).click();
  await appCard.getByRole('button', { name: 'Edit: Evening show' }).click();
  const editDialog = page.getByRole('dialog', { name: 'Edit TRTC app' });
  await editDialog.getByLabel('Label').fill('Late show');
  await editDialog.getByRole('button', { name: 'Save' }).click();
  const renamed = page.getByTestId('app-card').filter({ hasText: 'Late show' });
  await expect(renamed.getByTestId('app-secret-state')).toHaveAttribute('data-state', 'set');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (no secrets)' }).click();
  const exported = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ format: 'ingest-desk-accounts', apps: [{ label: 'Late show', sdkAppId: 1400012345 }] });

  const stateBeforeDelete = await pageState(page);
  await renamed.getByRole('button', { name: 'Delete: Late show' }).click();
  await expect(renamed).toBeHidden();
  await page.getByRole('tab', { name: 'Credential profiles' }).click();
  await card.getByRole('button', { name: 'Delete: Studio A' }).click();
  await expect(card).toBeHidden();

  await api.close();
  const stateAfterDelete = await pageState(page);
  const leaks = {
    dataDir: await filesContaining(host.dataDir, secrets),
    stderr: secrets.filter((secret) => host.stderr().includes(secret)),
    export: secrets.filter((secret) => exported.includes(secret)),
    page: secrets.filter((secret) => stateBeforeDelete.includes(secret) || stateAfterDelete.includes(secret)),
    rpcResponses: secrets.filter((secret) => responses.some((body) => body.includes(secret))),
  };
  expect(leaks).toEqual({ dataDir: [], stderr: [], export: [], page: [], rpcResponses: [] });
  expect(responses.length).toBeGreaterThan(10);
});

test('the built-in sandbox is there on first start, marked as such, and its connection test goes through the real SDK', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  // The sandbox app is the only app, so it is the current one, and the header says it is the sandbox.
  await expect(page.getByRole('combobox', { name: 'Current app' })).toHaveValue('Sandbox app · 1400000001');
  await expect(page.getByTestId('sandbox-indicator')).toBeVisible();
  await page.getByRole('button', { name: 'Accounts & apps' }).click();
  const card = page.getByTestId('profile-card').filter({ hasText: 'Sandbox' });
  await expect(card.getByText('Built-in local sandbox')).toBeVisible();
  await card.getByRole('button', { name: 'Test connection: Sandbox' }).click();
  await expect(card.getByTestId('connection-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(card.getByTestId('connection-request-id')).not.toBeEmpty();
  await expect(card.getByTestId('connection-result')).toContainText('http://127.0.0.1:');
});

test('PrivateMapKey: privileges as named checkboxes, generated, then verified (and a tampered copy refused)', async ({ page, host }) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Accounts & apps' }).click();
  await page.getByRole('tab', { name: 'UserSig & PrivateMapKey' }).click();
  await page.locator('label', { hasText: /^PrivateMapKey$/ }).click();
  await expect(page.getByRole('radio', { name: 'PrivateMapKey' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Room', exact: true }).fill('4294967294');
  for (const name of ['Create room (1)', 'Send substream (screen share) (64)', 'Receive substream (128)']) {
    await page.getByRole('checkbox', { name }).uncheck();
  }
  await page.getByRole('button', { name: 'Generate to copy' }).click();
  const ticket = await page.getByTestId('generated-ticket').inputValue();
  await page.getByRole('button', { name: 'Hide' }).click();
  await expect(page.getByTestId('generated-ticket')).toBeHidden();

  await page.getByLabel('UserSig or PrivateMapKey').fill(ticket);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('ticket-valid')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('ticket-room')).toHaveText('Numeric room: 4294967294');
  const verified = page.getByTestId('ticket-inspection');
  await expect(verified.getByRole('checkbox', { name: 'Enter room (2)' })).toBeChecked();
  await expect(verified.getByRole('checkbox', { name: 'Create room (1)' })).not.toBeChecked();

  // Change the UserId inside the ticket: it still decodes but no longer verifies.
  const { deflateSync, inflateSync } = await import('node:zlib');
  const doc = JSON.parse(inflateSync(Buffer.from(ticket.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString());
  doc['TLS.identifier'] = 'someone_else';
  const tampered = deflateSync(Buffer.from(JSON.stringify(doc)))
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');
  await page.getByLabel('UserSig or PrivateMapKey').fill(tampered);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('ticket-valid')).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('ticket-signature')).toContainText('Not signed by Sandbox app');
});

test('the accounts screen and its dialogs have no detectable accessibility violations', async ({ page, host }) => {
  test.setTimeout(90_000);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Accounts & apps' }).click();
  await expect(page.getByRole('button', { name: 'Add profile' })).toBeVisible();
  const axe = () => new AxeBuilder({ page });
  const screen = await axe().include('main').analyze();
  expect(screen.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`)).toEqual([]);
  await page.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  // Mantine's Modal renders its title bar as <header>, which axe counts as a second banner landmark.
  const dialog = await axe().include('[role="dialog"]').exclude('[role="dialog"] header').analyze();
  expect(dialog.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`)).toEqual([]);
});

test('a profile without its SecretKey says on its card that it is incomplete and cannot be used', async ({ page, host }) => {
  await rpc(host, 'accounts.addProfile', {
    name: 'Half done',
    site: 'international',
    region: 'ap-singapore',
    endpoint: null,
    secretId: `AKID${'c'.repeat(32)}`,
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Accounts & apps' }).click();
  const card = page.getByTestId('profile-card').filter({ hasText: 'Half done' });
  await expect(card.getByTestId('profile-incomplete')).toHaveText('Incomplete: no SecretKey, cannot be used');
  await expect(page.getByTestId('profile-card').filter({ hasText: 'Sandbox' }).getByTestId('profile-incomplete')).toHaveCount(0);
});
