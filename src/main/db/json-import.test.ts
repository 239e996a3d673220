import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
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
  };
}

const expected = {
  media: [0, 1, 2, 3, 4, 5].map((n) => `fixture clip ${n}`),
  presets: [0, 1, 2, 3, 4, 5].map((n) => `fixture preset ${n}`),
  profiles: [0, 1, 2, 3, 4, 5].map((n) => `fixture profile ${n}`),
  launches: [0, 1, 2, 3, 4, 5].map((n) => `fixture launch ${n}: started with TaskId`),
  board: 6,
  settings: { language: 'system', theme: 'dark' },
};

describe('the first start after the upgrade', () => {
  it('imports every store of a data dir written by the JSON-file storage, keeps the files aside, and says so once', async () => {
    const dataDir = await copyOfFixture();
    const first = await start(dataDir);
    try {
      expect(await shown(first)).toEqual(expected);
      expect(await value(first, 'system.storeProblems')).toEqual([
        expect.objectContaining({ kind: 'imported', keptAs: importedFilesDir, message: expect.stringContaining('9 files') }),
      ]);
      expect(said).toEqual([`[storage] 9 files of an earlier version were imported; they are kept in ${importedFilesDir}.`]);
    } finally {
      await first.close();
    }
    // Kept, byte for byte, never deleted; none left where the app would read them.
    expect((await readdir(join(dataDir, importedFilesDir))).sort()).toEqual(storeFiles);
    for (const file of storeFiles) {
      expect(await readFile(join(dataDir, importedFilesDir, file), 'utf8')).toBe(await readFile(join(fixture, file), 'utf8'));
    }
    expect((await readdir(dataDir)).filter((name) => storeFiles.includes(name))).toEqual([]);

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
    expect((await readdir(join(dataDir, importedFilesDir))).sort()).toEqual([...storeFiles, 'media.json.1'].sort());
  }, 60_000);
});
