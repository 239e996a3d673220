import { cp, mkdtemp, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogPage, LogStatus } from '../../shared/contract/log';
import { systemClock } from '../app/clock';
import { type AppServices, createAppServices } from '../app/create-services';
import { openStores } from '../app/open-stores';
import { mediaDocument } from '../media/media-document';
import { MemorySecretStore } from '../secrets/memory-store';
import { StoreProblems } from '../storage/store-problems';
import { importedFilesDir } from './json-import';

/** A data dir written by the JSON-file storage (see fixtures/README.md). */
const fixture = resolve('src/main/db/fixtures/json-era-data-dir');
const storeFiles = [
  'accounts.json',
  'first-run.json',
  'live-tasks.json',
  'live-tasks.json.journal',
  'media.json',
  'presets.json',
  'settings.json',
  'tasks.json',
  'tasks.json.journal',
];

async function copyOfFixture(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'json-import-'));
  await cp(fixture, dataDir, { recursive: true });
  return dataDir;
}

async function value<T>(services: AppServices, name: string, input: unknown = {}): Promise<T> {
  const result = await services.dispatch(name as never, input as never);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** What the app said on the terminal, by start. */
let said: string[] = [];
const start = (dataDir: string) => {
  said = [];
  return createAppServices({
    dataDir,
    secrets: new MemorySecretStore(),
    transport: 'browser',
    warn: (line) => said.push(line),
    samples: false,
  });
};

/** The task log as the page shows it: its size, newest row, a search and a task's history. */
async function logShown(services: AppServices) {
  const page = await value<LogPage>(services, 'log.query', { filter: {} });
  const search = await value<LogPage>(services, 'log.query', { filter: { text: '53BA2256-8131' } });
  const history = await value<LogPage>(services, 'log.query', { filter: { taskId: page.rows.find((row) => row.taskId)?.taskId } });
  const status = await value<LogStatus>(services, 'log.status');
  return {
    total: page.total,
    newest: page.rows[0]?.requestId,
    search: search.rows.map((row) => row.seq),
    history: history.rows.map((row) => row.action),
    status: {
      entries: status.entries,
      files: status.files,
      newestSeq: status.newestSeq,
      skipped: status.skipped,
      retention: status.retention,
    },
  };
}

/** What the page would show of the fixture's stores. */
async function shown(services: AppServices) {
  const names = (list: { name: string }[]) => list.map((item) => item.name).filter((name) => name.startsWith('fixture'));
  const launches = await value<{ presetName: string; state: string; taskId?: string }[]>(services, 'launch.tasks');
  const board = await value<{ recordId?: string; status: string }[]>(services, 'tasks.list');
  return {
    media: names(await value(services, 'media.list')).sort(),
    presets: names(await value(services, 'presets.list')).sort(),
    profiles: names((await value<{ profiles: { name: string }[] }>(services, 'accounts.overview')).profiles).sort(),
    launches: launches.map((record) => `${record.presetName}: ${record.state}${record.taskId ? ' with TaskId' : ''}`).sort(),
    board: board.length,
    settings: await value(services, 'system.getSettings'),
    log: await logShown(services),
  };
}

const expected = {
  media: [0, 1, 2, 3, 4, 5].map((n) => `fixture clip ${n}`),
  presets: [0, 1, 2, 3, 4, 5].map((n) => `fixture preset ${n}`),
  profiles: [0, 1, 2, 3, 4, 5].map((n) => `fixture profile ${n}`),
  launches: [0, 1, 2, 3, 4, 5].map((n) => `fixture launch ${n}: started with TaskId`),
  board: 6,
  settings: { language: 'system', theme: 'dark' },
  log: {
    total: 9,
    newest: 'f5056c58-8d64-4fc1-a67a-f59c4cf04c9b',
    search: [2],
    history: ['DescribeStreamIngest'],
    status: { entries: 9, files: 1, newestSeq: 9, skipped: 0, retention: { maxFiles: 40, maxAgeDays: 90 } },
  },
};
const logFiles = ['settings.json', 'task-log-000001.jsonl'];

describe('the first start after the upgrade', () => {
  it('imports every store of a data dir written by the JSON-file storage, keeps the files aside, and says so once', async () => {
    const dataDir = await copyOfFixture();
    const first = await start(dataDir);
    try {
      expect(await shown(first)).toEqual(expected);
      expect(await value(first, 'system.storeProblems')).toEqual([
        expect.objectContaining({ kind: 'imported', keptAs: importedFilesDir, message: expect.stringContaining('11 files') }),
      ]);
      expect(said).toEqual([`[storage] 11 files of an earlier version were imported; they are kept in ${importedFilesDir}.`]);
    } finally {
      await first.close();
    }
    // Kept, byte for byte, never deleted; none left where the app would read them.
    expect((await readdir(join(dataDir, importedFilesDir))).sort()).toEqual([...storeFiles, 'log'].sort());
    for (const file of [...storeFiles, ...logFiles.map((name) => `log/${name}`)]) {
      expect(await readFile(join(dataDir, importedFilesDir, file), 'utf8')).toBe(await readFile(join(fixture, file), 'utf8'));
    }
    expect((await readdir(join(dataDir, importedFilesDir, 'log'))).sort()).toEqual(logFiles);
    expect((await readdir(dataDir)).filter((name) => storeFiles.includes(name) || name === 'log')).toEqual([]);

    const second = await start(dataDir);
    try {
      expect(await shown(second)).toEqual(expected);
      expect(await value(second, 'system.storeProblems')).toEqual([]);
      expect(said).toEqual([]);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('resumes an interrupted import: stores already imported are not read again, the rest are', async () => {
    const dataDir = await copyOfFixture();
    // A start killed after importing the library (and before the other stores); then a media.json
    // appears again, saying something else: it must not replace the imported library.
    const partial = openStores({ dataDir, clock: systemClock, problems: new StoreProblems(), documents: [mediaDocument], records: [] });
    partial.close();
    await writeFile(join(dataDir, 'media.json'), JSON.stringify({ version: 1, data: { entries: [] } }));

    const services = await start(dataDir);
    try {
      expect(await shown(services)).toEqual(expected);
    } finally {
      await services.close();
    }
    // Both media.json files are kept: the one imported and the one found later beside it.
    expect((await readdir(join(dataDir, importedFilesDir))).sort()).toEqual([...storeFiles, 'log', 'media.json.1'].sort());
  }, 60_000);

  it("resumes the log's import at the first file not imported, and keeps unreadable lines aside", async () => {
    const dataDir = await copyOfFixture();
    // A start killed after the log's first file was imported, before the folder was moved aside.
    openStores({ dataDir, clock: systemClock, problems: new StoreProblems(), documents: [], records: [] }).close();
    await rename(join(dataDir, importedFilesDir, 'log'), join(dataDir, 'log'));
    // A second file, as rotation left it, ending in a line a crash cut short.
    const first = (await readFile(join(fixture, 'log', 'task-log-000001.jsonl'), 'utf8')).split('\n')[0] ?? '';
    const line = (seq: number, id: string) => first.replace('"seq":1,', `"seq":${seq},`).replace('"id":"KRXryl0Y6_LJ"', `"id":"${id}"`);
    await writeFile(
      join(dataDir, 'log', 'task-log-000002.jsonl'),
      `${line(10, 'second-file-1')}\n${line(11, 'second-file-2')}\n{"v":1,"type":"call","id":"torn","seq":12,"at":"2026-12-06T0`,
    );

    const services = await start(dataDir);
    try {
      const status = await value<LogStatus>(services, 'log.status');
      expect(status).toMatchObject({
        entries: 11,
        files: 2,
        newestSeq: 11,
        skipped: 1,
        skippedLines: [{ file: 'task-log-000002.jsonl', line: 3, reason: 'torn' }],
      });
      expect((await value<LogPage>(services, 'log.query', { filter: {} })).rows.map((row) => row.seq)).toEqual([
        11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1,
      ]);
    } finally {
      await services.close();
    }
    expect((await readdir(join(dataDir, importedFilesDir, 'log'))).sort()).toEqual([...logFiles, 'task-log-000002.jsonl']);
  }, 60_000);
});
