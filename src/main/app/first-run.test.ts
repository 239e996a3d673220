import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import type { TaskRecord } from '../../shared/contract/launch';
import type { MediaEntry } from '../../shared/contract/media';
import type { PresetView } from '../../shared/contract/presets';
import { storedDocument } from '../db/test-support/test-database';
import { KeytarSecretStore } from '../secrets/keytar-store';
import type { SecretStore } from '../secrets/secret-store';
import { type AppServices, createAppServices } from './create-services';
import { sampleLanguageOf, sampleMediaUrl } from './first-run';

async function value<T>(services: AppServices, name: string, input: unknown = {}): Promise<T> {
  const result = await services.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A keychain that is not there (no Secret Service): every call fails as keytar's store reports it. */
const missingKeychain: SecretStore = {
  get: () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'no keychain')),
  set: () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'no keychain')),
  delete: () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'no keychain')),
  list: () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'no keychain')),
  status: async () => ({ state: 'unavailable', backend: 'none', platform: process.platform }),
};

// The composition root with the real keychain and the built-in sandbox over loopback.
describe('first run', () => {
  const opened: AppServices[] = [];
  const stores: KeytarSecretStore[] = [];

  async function start(dataDir: string, secrets: SecretStore, samples?: boolean, locale = 'en-US'): Promise<AppServices> {
    const services = await createAppServices({ dataDir, secrets, transport: 'browser', warn: () => {}, samples, locale });
    opened.push(services);
    return services;
  }

  afterEach(async () => {
    for (const services of opened.splice(0)) await services.close();
    for (const store of stores.splice(0)) for (const key of await store.list()) await store.delete(key);
  });

  const keychain = () => {
    const store = new KeytarSecretStore({ service: `ingest-desk-unit-${randomUUID()}` });
    stores.push(store);
    return store;
  };

  it('seeds one media entry and one sandbox preset that launches to a TaskId, once, and never brings them back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'first-run-'));
    const secrets = keychain();
    const first = await start(dataDir, secrets);
    const media = await value<MediaEntry[]>(first, 'media.list');
    const presets = await value<PresetView[]>(first, 'presets.list');
    expect(media).toHaveLength(1);
    expect(media[0]).toMatchObject({ url: sampleMediaUrl, lastProbe: null });
    expect(presets).toHaveLength(1);
    expect(presets[0]).toMatchObject({ sdkAppId: 1400000001, media: { kind: 'library', entryId: media[0]?.id } });

    const preview = await value<{ problems: unknown[]; sandbox: boolean; body: { StreamUrl: string } }>(first, 'launch.preview', {
      source: { kind: 'preset', presetId: presets[0]?.id },
    });
    expect(preview).toMatchObject({ problems: [], sandbox: true, body: { StreamUrl: sampleMediaUrl } });
    const record = await value<TaskRecord>(first, 'launch.start', { source: { kind: 'preset', presetId: presets[0]?.id } });
    expect(record.state).toBe('started');
    expect(record.taskId).toMatch(/\S/);
    await first.close();
    opened.length = 0;

    const second = await start(dataDir, secrets);
    expect(await value<MediaEntry[]>(second, 'media.list')).toHaveLength(1);
    expect(await value<PresetView[]>(second, 'presets.list')).toHaveLength(1);
    await value(second, 'presets.remove', { id: presets[0]?.id });
    await value(second, 'media.delete', { ids: [media[0]?.id] });
    await second.close();
    opened.length = 0;

    const third = await start(dataDir, secrets);
    expect(await value<MediaEntry[]>(third, 'media.list')).toEqual([]);
    expect(await value<PresetView[]>(third, 'presets.list')).toEqual([]);
    await third.close();
    opened.length = 0;
    expect(storedDocument(dataDir, 'first-run.json')).toMatchObject({ version: 1, data: { samplesAdded: true } });
  }, 60_000);

  it('names the samples in the language the page opens in (the OS locale while the setting says "system")', async () => {
    const services = await start(await mkdtemp(join(tmpdir(), 'first-run-')), keychain(), true, 'zh-CN');
    const [entry] = await value<MediaEntry[]>(services, 'media.list');
    const [preset] = await value<PresetView[]>(services, 'presets.list');
    expect(entry).toMatchObject({ name: '示例：Sintel 预告片（52 秒）', tags: ['示例'] });
    expect(preset).toMatchObject({ name: '示例：Sintel 预告片推入沙盒房间' });
    expect(sampleLanguageOf('system', 'zh-Hans-CN')).toBe('zh-CN');
    expect(sampleLanguageOf('en', 'zh-CN')).toBe('en');
    expect(sampleLanguageOf('zh-CN', 'en-GB')).toBe('zh-CN');
    expect(sampleLanguageOf('system', 'fr-FR')).toBe('en');
  });

  it('leaves a data dir that already has media untouched, and seeds nothing when told not to', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'first-run-'));
    const secrets = keychain();
    const off = await start(dataDir, secrets, false);
    expect(await value<MediaEntry[]>(off, 'media.list')).toEqual([]);
    await value(off, 'media.add', { url: 'https://media.example.com/mine.mp4', name: 'mine' });
    await off.close();
    opened.length = 0;

    const on = await start(dataDir, secrets);
    expect((await value<MediaEntry[]>(on, 'media.list')).map((entry) => entry.name)).toEqual(['mine']);
    expect(await value<PresetView[]>(on, 'presets.list')).toEqual([]);
    await on.close();
    opened.length = 0;
    expect(storedDocument(dataDir, 'first-run.json')).toMatchObject({ data: { samplesAdded: false } });
  }, 60_000);

  it('waits for the keychain: no sandbox app, no samples and no marker; the next start with a keychain seeds them', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'first-run-'));
    const without = await start(dataDir, missingKeychain);
    expect(await value<MediaEntry[]>(without, 'media.list')).toEqual([]);
    await without.close();
    opened.length = 0;
    expect(storedDocument(dataDir, 'first-run.json')).toBeUndefined();

    const withKeychain = await start(dataDir, keychain());
    expect(await value<MediaEntry[]>(withKeychain, 'media.list')).toHaveLength(1);
    expect(await value<PresetView[]>(withKeychain, 'presets.list')).toHaveLength(1);
  }, 60_000);
});
