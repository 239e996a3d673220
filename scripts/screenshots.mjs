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

/** A show whose sheet has every kind of trigger and a few actions, on the sandbox and the live app. */
async function seedShow(lobbyPresetId, livePresetId, cameraEntryId) {
  const start = new Date(Date.now() + 3 * 3600_000);
  start.setMinutes(50, 0, 0);
  const cue = (id, label, trigger, action) => ({ id, ...(label ? { label } : {}), trigger, action });
  return rpc('shows.save', {
    draft: {
      name: 'Opening night',
      plannedStart: start.toISOString(),
      preflightLeadMinutes: 15,
      notes: 'Doors 19:45.',
      tasks: [
        { name: 'Lobby 8101', presetId: lobbyPresetId, roomId: '8101' },
        { name: 'Lobby 8102', presetId: lobbyPresetId, roomId: '8102' },
        { name: 'Stage', presetId: livePresetId },
      ],
      cues: [
        cue('c1', 'Lobby loop', { kind: 'offset', seconds: 0 }, { kind: 'launch', task: 'Lobby 8101' }),
        cue('c2', '', { kind: 'after', seconds: 0 }, { kind: 'launch', task: 'Lobby 8102' }),
        cue(
          'c3',
          'Opening',
          { kind: 'offset', seconds: 600 },
          { kind: 'switchSource', task: 'Lobby 8101', source: { kind: 'entry', entryId: cameraEntryId } },
        ),
        cue('c4', 'Music down', { kind: 'offset', seconds: 2700 }, { kind: 'volume', task: 'Lobby 8101', volume: 40 }),
        cue('c5', 'Stage on', { kind: 'go' }, { kind: 'launch', task: 'Stage' }),
        cue('c6', 'Good night', { kind: 'go' }, { kind: 'stopShow' }),
      ],
    },
  });
}

/** The show's sheet and pre-flight panel, then a rehearsal under way, in English and Chinese (light). */
async function showShots(page, showId) {
  // The sheet and the run are longer than other screens: a taller window (a full-page shot would
  // put the fixed status bar over the middle of the page).
  await page.setViewportSize({ width: 1440, height: 1300 });
  const shot = async (name, language) => {
    await page.waitForTimeout(700);
    const path = `docs/screenshots/${name}-${language}.png`;
    await page.screenshot({ path });
    console.log(path);
  };
  await rpc('shows.preflight', { id: showId, mode: 'rehearsal' });
  for (const language of ['en', 'zh-CN']) {
    await rpc('system.updateSettings', { language, theme: 'light' });
    await page.locator('nav [data-screen="shows"]').click();
    await page.getByTestId('show-open').first().click();
    await page.getByRole('tab').nth(0).click();
    await shot('shows-sheet', language);
    await page.getByRole('tab').nth(1).click();
    await page.getByTestId('preflight-panel').waitFor();
    await shot('shows-preflight', language);
  }
  await rpc('shows.arm', { id: showId, mode: 'rehearsal', speed: 10, override: true });
  await rpc('shows.go', { id: showId });
  await page.waitForTimeout(3000);
  for (const language of ['en', 'zh-CN']) {
    await rpc('system.updateSettings', { language, theme: 'light' });
    await page.getByRole('tab').nth(2).click();
    await page.getByTestId('run-view').waitFor();
    await shot('shows-run', language);
  }
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
  const evening = await rpc('presets.create', {
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

  const camera = (await rpc('media.list', {})).find((entry) => entry.name === 'Stage camera (HLS)');
  const show = await seedShow(preset.id, evening.id, camera.id);

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
  await showShots(page, show.id);
  await browser.close();
} finally {
  host.kill('SIGTERM');
}
