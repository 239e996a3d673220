import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonDocument } from './json-document';
import { StoreProblems } from './store-problems';

const schema = z.object({ items: z.array(z.string()) });
const clock = { now: () => Date.UTC(2026, 10, 27, 12, 0, 0) };

describe('JsonDocument', () => {
  let dataDir: string;
  let problems: StoreProblems;
  const open = (version = 2) =>
    JsonDocument.open({ dataDir, file: 'things.json', version, schema, empty: () => ({ items: [] }), clock, problems });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'json-document-'));
    problems = new StoreProblems();
  });

  it('starts empty, persists each update with its version, and reads it back', async () => {
    const document = await open();
    expect(document.value).toEqual({ items: [] });
    await document.update((current) => ({ items: [...current.items, 'a'] }));
    await document.update((current) => ({ items: [...current.items, 'b'] }));
    expect(JSON.parse(await readFile(join(dataDir, 'things.json'), 'utf8'))).toEqual({ version: 2, data: { items: ['a', 'b'] } });
    expect((await open()).value).toEqual({ items: ['a', 'b'] });
  });

  it('refuses an update that breaks the schema and keeps the previous state', async () => {
    const document = await open();
    await document.update(() => ({ items: ['kept'] }));
    await expect(document.update(() => ({ items: [42] }) as never)).rejects.toThrow();
    expect(document.value).toEqual({ items: ['kept'] });
    expect((await open()).value).toEqual({ items: ['kept'] });
  });

  it('serialises concurrent updates so none is lost', async () => {
    const document = await open();
    await Promise.all(Array.from({ length: 25 }, (_, i) => document.update((current) => ({ items: [...current.items, String(i)] }))));
    expect((await open()).value.items).toHaveLength(25);
  });

  it('keeps a corrupt file aside, reports it, and starts empty', async () => {
    await writeFile(join(dataDir, 'things.json'), '{"version": 2, "data": {"items": [');
    const document = await open();
    expect(document.value).toEqual({ items: [] });
    const [problem] = problems.list();
    expect(problem).toMatchObject({ store: 'things.json', kind: 'corrupt', keptAs: 'things.json.corrupt-2026-11-27T12-00-00-000Z' });
    expect(await readFile(join(dataDir, problem?.keptAs ?? ''), 'utf8')).toBe('{"version": 2, "data": {"items": [');
  });

  it('reports a file from a newer version and never overwrites it', async () => {
    const newer = JSON.stringify({ version: 3, data: { items: ['from the future'], more: 1 } });
    await writeFile(join(dataDir, 'things.json'), newer);
    const document = await open();
    expect(document.readOnly).toBe(true);
    expect(problems.list()[0]).toMatchObject({ kind: 'newer-version', store: 'things.json' });
    await expect(document.update(() => ({ items: [] }))).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(await readFile(join(dataDir, 'things.json'), 'utf8')).toBe(newer);
    expect(await readdir(dataDir)).toEqual(['things.json']);
  });

  it('migrates an older version through the given function', async () => {
    await writeFile(join(dataDir, 'things.json'), JSON.stringify({ version: 1, data: ['x', 'y'] }));
    const document = await JsonDocument.open({
      dataDir,
      file: 'things.json',
      version: 2,
      schema,
      empty: () => ({ items: [] }),
      clock,
      problems,
      migrate: (data) => ({ items: data }),
    });
    expect(document.value).toEqual({ items: ['x', 'y'] });
  });
});
