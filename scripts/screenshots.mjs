// `npm run screenshots`: every screen of the running app (browser host in Chromium, 1440 × 900), in
// English and Simplified Chinese, light and dark, into docs/screenshots/<screen>-<language>.png (light)
// and <screen>-<language>-dark.png. A fresh data dir on the built-in sandbox, with a few media entries,
// a sandbox preset with one launched task, and a live app's preset (never launched), so screens show
// real data and the LIVE / SANDBOX marks.
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

/** A preset draft: every field at its usual value, then what the screenshot's preset changes. */
function presetDraft(fields) {
  return {
    roomIdType: 1,
    repeatNum: 1,
    maxDuration: null,
    volume: 100,
    seekSecond: 0,
    autoPush: false,
    enableProgress: false,
    tempo: 1,
    idleTimeout: null,
    userSig: { mode: 'generate', expirySeconds: 600 },
    privateMapKey: { mode: 'none' },
    notes: '',
    tags: [],
    folder: 'Show',
    ...fields,
  };
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
    draft: presetDraft({
      name: 'Lobby loop',
      sdkAppId: sandboxApp.sdkAppId,
      region: 'ap-guangzhou',
      roomId: '8001',
      userId: 'robot_lobby',
      media: { kind: 'library', entryId: clip.id },
      repeatNum: -1,
      maxDuration: 120,
      notes: 'Plays before the show starts.',
      tags: ['lobby'],
    }),
  });
  await rpc('launch.start', { source: { kind: 'preset', presetId: preset.id } });
  // A live app (keys made up, never called): its preset shows LIVE on Presets and in the palette.
  const studio = await rpc('accounts.addProfile', {
    name: 'Studio',
    site: 'international',
    region: 'ap-singapore',
    endpoint: null,
    secretId: `AKID${'0'.repeat(32)}`,
    secretKey: '0'.repeat(32),
  });
  await rpc('accounts.addApp', {
    sdkAppId: 1400000555,
    label: 'Studio app',
    colour: '#e8590c',
    profileId: studio.id,
    defaults: { robotUserIdPrefix: 'robot_', userSigExpirySeconds: 600 },
  });
  await rpc('presets.create', {
    draft: presetDraft({
      name: 'Evening show',
      sdkAppId: 1400000555,
      region: 'ap-singapore',
      roomId: '9001',
      userId: 'robot_evening',
      media: { kind: 'library', entryId: clip.id },
      tags: ['show'],
    }),
  });

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
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.locator('[data-app-state="loaded"]').waitFor();
  for (const [language, theme] of [
    ['en', 'light'],
    ['en', 'dark'],
    ['zh-CN', 'light'],
    ['zh-CN', 'dark'],
  ]) {
    await rpc('system.updateSettings', { language, theme });
    await page.waitForTimeout(300);
    const navigation = page.getByRole('navigation').first().getByRole('button');
    const count = await navigation.count();
    for (let index = 0; index < count; index++) {
      await navigation.nth(index).click();
      await page.waitForTimeout(700);
      const id = (await navigation.nth(index).getAttribute('data-screen')) ?? String(index);
      const path = `docs/screenshots/${id}-${language}${theme === 'dark' ? '-dark' : ''}.png`;
      await page.screenshot({ path });
      console.log(path);
    }
  }
  await browser.close();
} finally {
  host.kill('SIGTERM');
}
