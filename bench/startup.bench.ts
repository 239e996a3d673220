/**
 * Start-up, three figures:
 * 1. Services ready in plain Node: `node out/main/serve.js` (every service created from the data dir,
 *    the real keychain, the HTTP host listening) from spawn to its "serving" line, interleaved with a
 *    bare `node` that only requires the SDK's TRTC client and prints a line. Same data dir each time
 *    (a returning user); the first start, which creates the built-in sandbox account, is left out.
 * 2. Which tencentcloud-sdk-nodejs files the main bundle loads (read from Node's module cache once
 *    the host is serving): only the TRTC client's, never the package root's 1,200+ modules.
 * 3. Browser host to an interactive screen with data, in Chromium: from navigation to the first
 *    screen showing the real keychain status and the transport (both answered by the host), timed
 *    on the page's own clock. A fresh browser context each run: nothing cached.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from 'vitest';
import { against, type Figure, report, summarise } from './report';
import { clearKeychainNamespace, startBenchHost } from './support/app-host';
import { cpuTimeOf, spawnUntilReady, stopProcess } from './support/processes';

const runs = 15;
const trtcClientModule = 'tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_client.js';
const figures: Figure[] = [];

test('services ready in Node vs a bare node loading the SDK TRTC client', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-bench-startup-'));
  const keychainService = `ingest-desk-bench-${randomUUID()}`;
  const hostArgs = ['out/main/serve.js', '--data-dir', dataDir, '--keychain-service', keychainService];
  // Kept alive after its line (like the host), so both are read from /proc and stopped the same way.
  const bareArgs = ['-e', `require(${JSON.stringify(trtcClientModule)}); process.stdout.write('ready\\n'); setInterval(() => {}, 60_000)`];
  try {
    // First start: creates the built-in sandbox account and its keys; not a figure.
    const first = await spawnUntilReady(hostArgs, /^serving /);
    await stopProcess(first.child);
    const app: number[] = [];
    const bare: number[] = [];
    const appCpu: number[] = [];
    const bareCpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      const host = await spawnUntilReady(hostArgs, /^serving /);
      app.push(host.readyMs);
      appCpu.push(await cpuTimeOf(host.child.pid as number));
      await stopProcess(host.child);
      const baseline = await spawnUntilReady(bareArgs, /^ready$/);
      bare.push(baseline.readyMs);
      bareCpu.push(await cpuTimeOf(baseline.child.pid as number));
      await stopProcess(baseline.child);
    }
    const baseline = summarise('bare node requiring the SDK TRTC client, spawn to ready', 'ms', bare);
    const baselineCpu = summarise('bare node requiring the SDK TRTC client, CPU time to ready', 'ms', bareCpu);
    figures.push(
      baseline,
      against(summarise('services ready in Node (serve.js), spawn to serving', 'ms', app, '<= 300 ms, <= 1.5x bare'), baseline),
      // CPU time (10 ms resolution): what the process itself spent, less swayed by a busy machine than wall time.
      baselineCpu,
      against(summarise('services ready in Node (serve.js), CPU time to serving', 'ms', appCpu), baselineCpu),
    );

    const probe = await spawnUntilReady(['bench/support/sdk-modules-probe.mjs', ...hostArgs.slice(1)], /^sdk-modules /);
    const loaded = JSON.parse(probe.line.slice('sdk-modules '.length)) as string[];
    await stopProcess(probe.child);
    const outsideTrtc = loaded.filter(
      (file) =>
        !file.startsWith('tencentcloud-sdk-nodejs/tencentcloud/services/trtc/') &&
        !file.startsWith('tencentcloud-sdk-nodejs/tencentcloud/common/'),
    );
    console.log(
      `main bundle loads ${loaded.length} tencentcloud-sdk-nodejs files; outside services/trtc and common: ${JSON.stringify(outsideTrtc)}`,
    );
    expect(loaded).toContain(trtcClientModule);
    expect(loaded.filter((file) => file.includes('/services/') && !file.includes('/services/trtc/'))).toEqual([]);
    figures.push(summarise('tencentcloud-sdk-nodejs files loaded by the main bundle', 'files', [loaded.length], 'TRTC client only'));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await clearKeychainNamespace(keychainService);
  }
});

test('browser host to an interactive screen with data, in Chromium', async () => {
  const bench = await startBenchHost();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const inPage: number[] = [];
    const wall: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const began = performance.now();
      await page.goto(bench.host.url, { waitUntil: 'commit' });
      // Runs in the page (a string: this Node-typed file has no DOM types, and CSP forbids eval'd predicates).
      const pageMs = (await page.evaluate(`(${firstFrameWithData.toString()})()`)) as number;
      const wallMs = performance.now() - began;
      await context.close();
      // The first run warms the host's file reads and Chromium's process pool; not a figure.
      if (run === 0) continue;
      inPage.push(pageMs);
      wall.push(wallMs);
    }
    figures.push(
      summarise('browser host: navigation to first screen with data (page clock)', 'ms', inPage, '<= 1500 ms'),
      summarise('browser host: goto to first screen with data (wall, from Node)', 'ms', wall, '<= 1500 ms'),
    );
  } finally {
    await browser.close();
    await bench.dispose();
  }
  report('startup', figures);
});

/** Polls every animation frame; answers the page's clock (0 = navigation start) at the first frame showing data. */
function firstFrameWithData(): Promise<number> {
  const doc = (globalThis as unknown as { document: { querySelector(selector: string): { textContent: string } | null } }).document;
  const raf = (globalThis as unknown as { requestAnimationFrame(callback: () => void): number }).requestAnimationFrame;
  return new Promise((resolve) => {
    const check = () => {
      // The app opens on Launch; its status bar names the account and app the host answered with.
      const app = doc.querySelector('[data-testid="status-app"]');
      if (app && app.textContent.length > 0) resolve(performance.now());
      else raf(check);
    };
    check();
  });
}
