import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleDraft } from '../../shared/test-support/samples';
import { EventBus } from '../app/event-bus';
import { testStores } from '../db/test-support/test-database';
import { KeytarSecretStore } from '../secrets/keytar-store';
import { presetsDocument } from './preset-document';
import { PresetService } from './preset-service';

// Recognisable fake tickets (valid alphabet), so a scan can prove they never reach a file.
const pastedUserSig = `eJwUSERSIG${randomUUID().replaceAll('-', '')}`;
const pastedMapKey = `eJwMAPKEY${randomUUID().replaceAll('-', '')}`;

describe('PresetService (real keychain)', () => {
  let dataDir: string;
  let secrets: KeytarSecretStore;
  let events: EventBus;
  let seen: string[];
  let time: number;
  const clock = { now: () => time };

  const open = async () =>
    new PresetService({
      document: await testStores(dataDir, clock).open(presetsDocument),
      secrets,
      events,
      clock,
    });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'presets-'));
    secrets = new KeytarSecretStore({ service: `ingest-desk-unit-${randomUUID()}` });
    events = new EventBus();
    seen = [];
    events.subscribe((event) => seen.push(event));
    time = Date.UTC(2026, 10, 27, 12, 0, 0);
  });

  afterEach(async () => {
    for (const key of await secrets.list()) await secrets.delete(key);
  });

  async function filesText(): Promise<string> {
    const names = await readdir(dataDir);
    return (await Promise.all(names.map((name) => readFile(join(dataDir, name), 'utf8')))).join('\n');
  }

  it('creates, lists, updates and removes presets, persisting each change and announcing it', async () => {
    const service = await open();
    const created = await service.create(sampleDraft());
    expect(created).toMatchObject({ name: 'Morning show', order: 0, secrets: { userSig: false, privateMapKey: false } });
    time += 1000;
    const updated = await service.update(created.id, sampleDraft({ name: 'Evening show', volume: 150 }));
    expect(updated).toMatchObject({ name: 'Evening show', volume: 150, createdAt: created.createdAt });
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    const reopened = await open();
    expect((await reopened.list()).map((preset) => preset.name)).toEqual(['Evening show']);
    expect(await reopened.remove(created.id)).toEqual({ removed: true });
    expect(await (await open()).list()).toEqual([]);
    expect(seen).toEqual(['presets.changed', 'presets.changed', 'presets.changed']);
    await expect(reopened.update(created.id, sampleDraft())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps pasted tickets in the keychain only, never in presets.json or an export', async () => {
    const service = await open();
    const preset = await service.create(sampleDraft({ userSig: { mode: 'paste' }, privateMapKey: { mode: 'paste' } }), {
      userSig: pastedUserSig,
      privateMapKey: pastedMapKey,
    });
    expect(preset.secrets).toEqual({ userSig: true, privateMapKey: true });
    expect(JSON.stringify(preset)).not.toContain(pastedUserSig);
    expect(await secrets.list()).toEqual([`preset:${preset.id}:privateMapKey`, `preset:${preset.id}:userSig`]);
    expect(await service.pastedSecret(preset.id, 'userSig')).toBe(pastedUserSig);

    const exported = service.exportJson();
    const files = await filesText();
    for (const text of [exported.json, files]) {
      expect(text).not.toContain(pastedUserSig);
      expect(text).not.toContain(pastedMapKey);
    }
    expect(JSON.parse(exported.json).presets[0].userSig).toEqual({ mode: 'paste' });
  });

  it('deletes a pasted ticket when the preset stops pasting, when cleared, and with the preset', async () => {
    const service = await open();
    const preset = await service.create(sampleDraft({ userSig: { mode: 'paste' }, privateMapKey: { mode: 'paste' } }), {
      userSig: pastedUserSig,
      privateMapKey: pastedMapKey,
    });
    // Editing without new secrets keeps them.
    await service.update(preset.id, sampleDraft({ name: 'x', userSig: { mode: 'paste' }, privateMapKey: { mode: 'paste' } }));
    expect(await secrets.list()).toHaveLength(2);
    // Switching the UserSig to generate removes its pasted one; null clears the PrivateMapKey.
    const next = await service.update(
      preset.id,
      sampleDraft({ userSig: { mode: 'generate', expirySeconds: 300 }, privateMapKey: { mode: 'paste' } }),
      { privateMapKey: null },
    );
    expect(next.secrets).toEqual({ userSig: false, privateMapKey: false });
    expect(await secrets.list()).toEqual([]);

    await service.update(preset.id, sampleDraft({ userSig: { mode: 'paste' } }), { userSig: pastedUserSig });
    await service.remove(preset.id);
    expect(await secrets.list()).toEqual([]);
  });

  it('duplicates a preset right after the original, with its own copy of a pasted ticket', async () => {
    const service = await open();
    const first = await service.create(sampleDraft({ name: 'A', userSig: { mode: 'paste' } }), { userSig: pastedUserSig });
    await service.create(sampleDraft({ name: 'B' }));
    const copy = await service.duplicate(first.id);
    expect(copy).toMatchObject({ name: 'A (copy)', secrets: { userSig: true } });
    expect((await service.list()).map((preset) => preset.name)).toEqual(['A', 'A (copy)', 'B']);
    await service.remove(first.id);
    expect(await service.pastedSecret(copy.id, 'userSig')).toBe(pastedUserSig);
  });

  it('reorders: named ids first, the rest keep their order; unknown ids are refused', async () => {
    const service = await open();
    const [a, b, c] = [
      await service.create(sampleDraft({ name: 'A' })),
      await service.create(sampleDraft({ name: 'B' })),
      await service.create(sampleDraft({ name: 'C' })),
    ];
    const reordered = await service.reorder([c.id, a.id]);
    expect(reordered.map((preset) => preset.name)).toEqual(['C', 'A', 'B']);
    expect((await (await open()).list()).map((preset) => preset.name)).toEqual(['C', 'A', 'B']);
    await expect(service.reorder(['nope'])).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(b.name).toBe('B');
  });

  it('round-trips an export through import under new ids and reports each bad preset', async () => {
    const service = await open();
    await service.create(sampleDraft({ name: 'A', tags: ['news'], folder: 'Studio 1', notes: 'loop' }));
    await service.create(sampleDraft({ name: 'B', repeatNum: -1, maxDuration: 120 }));
    const exported = JSON.parse(service.exportJson().json);
    exported.presets.push({ ...exported.presets[0], name: 'Bad room', roomId: '0' });
    exported.presets.push({ ...exported.presets[0], name: 'Smuggled', userSig: { mode: 'paste', value: pastedUserSig } });
    exported.presets.push({ ...exported.presets[0], name: 'Bad loop', repeatNum: 2, maxDuration: 5 });

    const target = await (async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'presets-import-'));
      return open();
    })();
    const report = await target.importJson(JSON.stringify(exported));
    expect(report.imported.map((preset) => preset.name)).toEqual(['A', 'B']);
    expect(report.imported[0]).toMatchObject({ tags: ['news'], folder: 'Studio 1', notes: 'loop' });
    expect(report.rejected.map((item) => [item.index, item.name, item.problems[0]?.message])).toEqual([
      [2, 'Bad room', 'requests:roomId.digits'],
      [3, 'Smuggled', 'presets:import.unknownField'],
      [4, 'Bad loop', 'requests:maxDuration.onlyWithLoop'],
    ]);
    expect(JSON.stringify(report)).not.toContain(pastedUserSig);
    expect(await filesText()).not.toContain(pastedUserSig);
  });

  it('refuses files that are not preset exports, with one reason', async () => {
    const service = await open();
    for (const [json, reason] of [
      ['not json', 'presets:import.notJson'],
      ['[]', 'presets:import.notPresetFile'],
      ['{"format":"other","presets":[]}', 'presets:import.notPresetFile'],
      ['{"format":"ingest-desk.presets","version":99,"presets":[]}', 'presets:import.newerVersion'],
    ] as const) {
      const report = await service.importJson(json);
      expect(report).toEqual({ imported: [], rejected: [{ index: -1, problems: [{ path: '', message: reason }] }] });
    }
  });

  it('tells which presets use a media library entry', async () => {
    const service = await open();
    await service.create(sampleDraft({ name: 'Lib', media: { kind: 'library', entryId: 'entry-1' } }));
    await service.create(sampleDraft({ name: 'Url' }));
    expect(service.usingMedia('entry-1').map((preset) => preset.name)).toEqual(['Lib']);
    expect(service.usingMedia('entry-2')).toEqual([]);
  });
});
