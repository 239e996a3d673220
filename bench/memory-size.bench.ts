/**
 * Memory and size:
 * 1. Main-process RSS of the built browser host (out/main/serve.js) on a data dir seeded with 10,000
 *    media entries (in the database, as the app saves them) and 100,000 task-log entries (written by the app's
 *    own TaskLog), read from /proc once every screen's data was asked for (and the log fully indexed).
 *    The same with an empty data dir is the baseline: the difference is what the data costs.
 * 2. The renderer bundle: raw and gzip (zlib, default level) of out/renderer's JS and CSS.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { seedMediaLibrary } from '../e2e/support/media-library';
import { rpc } from '../e2e/support/rpc';
import { systemClock } from '../src/main/app/clock';
import { openStores } from '../src/main/app/open-stores';
import { TaskLog } from '../src/main/log/task-log';
import { mediaDocument } from '../src/main/media/media-document';
import { StoreProblems } from '../src/main/storage/store-problems';
import { against, type Figure, report, summarise } from './report';
import { clearKeychainNamespace } from './support/app-host';
import { base, recordFor } from './support/log-records';
import { memoryOf, spawnUntilReady, stopProcess } from './support/processes';

const mediaEntries = 10_000;
const logEntries = 100_000;
const starts = 3;
const figures: Figure[] = [];

interface HostMemory {
  atReady: number[];
  afterScreens: number[];
  peaks: number[];
}

/** Starts the host `starts` times on `dataDir`, asks for every screen's data, reads its memory each time. */
async function measureHost(dataDir: string, keychainService: string, media: number, log: number): Promise<HostMemory> {
  const result: HostMemory = { atReady: [], afterScreens: [], peaks: [] };
  for (let run = 0; run < starts; run++) {
    const { child, line } = await spawnUntilReady(
      ['out/main/serve.js', '--data-dir', dataDir, '--keychain-service', keychainService, '--no-samples'],
      /^serving /,
    );
    try {
      const url = new URL(line.slice('serving '.length));
      const host = { origin: url.origin, token: url.searchParams.get('token') ?? '' };
      const pid = child.pid as number;
      result.atReady.push((await memoryOf(pid)).rss);
      // What the screens ask for when opened.
      await Promise.all([
        rpc(host, 'system.info'),
        rpc(host, 'system.keychainStatus'),
        rpc(host, 'accounts.overview'),
        rpc(host, 'presets.list'),
        rpc(host, 'tasks.list'),
        rpc(host, 'launch.tasks'),
      ]);
      expect(await rpc<unknown[]>(host, 'media.list')).toHaveLength(media);
      await rpc(host, 'log.facets');
      // Asks until every log file is indexed: the log at its full in-memory size.
      let status = await rpc<{ entries: number }>(host, 'log.status');
      while (status.entries < log) status = await rpc<{ entries: number }>(host, 'log.status');
      await rpc(host, 'log.query', { filter: { text: 'robot' } });
      const memory = await memoryOf(pid);
      result.afterScreens.push(memory.rss);
      result.peaks.push(memory.peak);
    } finally {
      await stopProcess(child);
    }
  }
  return result;
}

test('main-process RSS with 10,000 media and 100,000 log entries, and with an empty data dir', async () => {
  const emptyDir = await mkdtemp(join(tmpdir(), 'ingest-desk-bench-memory-empty-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-bench-memory-'));
  const keychainService = `ingest-desk-bench-${randomUUID()}`;
  try {
    await seedMediaLibrary(dataDir, mediaEntries);
    // Imported here, so every measured start reads the library from the database as the app saved it.
    const stores = openStores({ dataDir, clock: systemClock, problems: new StoreProblems(), documents: [mediaDocument], records: [] });
    const writer = await TaskLog.open({ database: stores.database, clock: { now: () => base + logEntries * 15_000 } });
    await writer.updateRetention({ maxFiles: 1000, maxAgeDays: 3650 });
    for (let i = 0; i < logEntries; i++) writer.record(recordFor(i));
    await writer.flushed();
    await writer.close();
    stores.close();

    const empty = await measureHost(emptyDir, keychainService, 0, 0);
    const seeded = await measureHost(dataDir, keychainService, mediaEntries, logEntries);
    const emptyAfter = summarise('host RSS, empty data dir, after every screen asked for its data', 'MiB', empty.afterScreens);
    figures.push(
      summarise('host RSS at ready, empty data dir', 'MiB', empty.atReady),
      emptyAfter,
      summarise('host RSS at ready (10k media, 100k log entries on disk)', 'MiB', seeded.atReady),
      against(
        summarise('host RSS after every screen asked for its data (10k media, 100k log)', 'MiB', seeded.afterScreens, '<= 150 MB'),
        emptyAfter,
      ),
      summarise('host peak RSS (VmHWM) by then (10k media, 100k log)', 'MiB', seeded.peaks),
    );
  } finally {
    await rm(emptyDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
    await clearKeychainNamespace(keychainService);
  }
});

test('renderer bundle size, raw and gzip', async () => {
  const dir = join('out', 'renderer', 'assets');
  const files = (await readdir(dir)).filter((file) => file.endsWith('.js') || file.endsWith('.css'));
  expect(files.length).toBeGreaterThan(0);
  const html = await readFile(join('out', 'renderer', 'index.html'), 'utf8');
  const totals = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, initial: { raw: 0, gzip: 0 } };
  for (const file of files.sort()) {
    const body = await readFile(join(dir, file));
    const raw = body.length / 1024;
    const gzip = gzipSync(body).length / 1024;
    const kind = file.endsWith('.js') ? 'js' : 'css';
    totals[kind].raw += raw;
    totals[kind].gzip += gzip;
    // Loaded by index.html itself; the others are fetched on demand (players).
    const initial = html.includes(file);
    if (initial) {
      totals.initial.raw += raw;
      totals.initial.gzip += gzip;
    }
    figures.push(summarise(`renderer ${file}${initial ? ' (initial)' : ' (on demand)'}, gzip (raw ${raw.toFixed(0)} KiB)`, 'KiB', [gzip]));
  }
  figures.push(
    summarise(`renderer JS total, gzip (raw ${totals.js.raw.toFixed(0)} KiB)`, 'KiB', [totals.js.gzip], 'reported'),
    summarise(`renderer CSS total, gzip (raw ${totals.css.raw.toFixed(0)} KiB)`, 'KiB', [totals.css.gzip], 'reported'),
    summarise(`renderer initial load (index.html's JS + CSS), gzip (raw ${totals.initial.raw.toFixed(0)} KiB)`, 'KiB', [
      totals.initial.gzip,
    ]),
  );
  report('memory-size', figures);
});
