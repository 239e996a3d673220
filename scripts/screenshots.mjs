// `npm run screenshots`: every screen of the running app (browser host in Chromium), in English and
// Simplified Chinese, into docs/screenshots/<screen>-<language>.png. A fresh data dir on the built-in
// sandbox, with a few media entries, a preset and one launched task, so screens show real data.
import './check-node.mjs';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import { ensureKeyringSession } from './lib/keyring-session.mjs';
import { run } from './lib/run.mjs';

await ensureKeyringSession();
if ((await run('npx', ['electron-vite', 'build', '--logLevel', 'warn'])) !== 0) process.exit(1);

const dataDir = mkdtempSync(join(tmpdir(), 'ingest-desk-screenshots-'));
const host = spawn(
  process.execPath,
  ['out/main/serve.js', '--data-dir', dataDir, '--keychain-service', `ingest-desk-screenshots-${Date.now()}`],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise((resolve) => createInterface({ input: host.stdout }).once('line', (line) => resolve(line.split(' ')[1])));
const origin = new URL(url).origin;
const token = new URL(url).searchParams.get('token');

async function rpc(name, input) {
  const response = await fetch(`${origin}/rpc/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

try {
  const overview = await rpc('accounts.overview', {});
  const sandboxApp = overview.apps.find((app) => app.sandbox);
  const clip = await rpc('media.add', {
    url: 'https://media.example.com/opening-loop.mp4#duration=1800',
    name: 'Opening loop',
    tags: ['loop', 'intro'],
  });
  await rpc('media.add', { url: 'https://live.example.com/stage/master.m3u8', name: 'Stage camera (HLS)', tags: ['live'] });
  await rpc('media.add', { url: 'rtmp://ingest.example.com/live/backup', name: 'Backup feed', tags: ['live', 'backup'] });
  const preset = await rpc('presets.create', {
    draft: {
      name: 'Lobby loop',
      sdkAppId: sandboxApp.sdkAppId,
      region: 'ap-guangzhou',
      roomIdType: 1,
      roomId: '8001',
      userId: 'robot_lobby',
      media: { kind: 'library', entryId: clip.id },
      repeatNum: -1,
      maxDuration: 120,
      volume: 100,
      seekSecond: 0,
      autoPush: false,
      enableProgress: false,
      tempo: 1,
      idleTimeout: null,
      userSig: { mode: 'generate', expirySeconds: 600 },
      privateMapKey: { mode: 'none' },
      notes: 'Plays before the show starts.',
      tags: ['lobby'],
      folder: 'Show',
    },
  });
  await rpc('launch.start', { source: { kind: 'preset', presetId: preset.id } });

  mkdirSync('docs/screenshots', { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.locator('[data-app-state="loaded"]').waitFor();
  for (const language of ['en', 'zh-CN']) {
    await rpc('system.updateSettings', { language, theme: 'light' });
    await page.waitForTimeout(300);
    const navigation = page.getByRole('navigation').first().getByRole('button');
    const count = await navigation.count();
    for (let index = 0; index < count; index++) {
      await navigation.nth(index).click();
      await page.waitForTimeout(700);
      const id = (await navigation.nth(index).getAttribute('data-screen')) ?? String(index);
      await page.screenshot({ path: `docs/screenshots/${id}-${language}.png` });
      console.log(`docs/screenshots/${id}-${language}.png`);
    }
  }
  await browser.close();
} finally {
  host.kill('SIGTERM');
}
