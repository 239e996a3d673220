import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { sampleDraft } from '../../shared/test-support/samples';
import { createAppServices } from '../app/create-services';
import { MemorySecretStore } from '../secrets/memory-store';
import { databaseFileName } from './database';
import { schemaVersion } from './schema';

describe('a database written by a newer version of the app', () => {
  it('starts the whole app read-only: every screen reads, every write says STORE_UNAVAILABLE, one notice', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'newer-db-'));
    const secrets = new MemorySecretStore();
    const first = await createAppServices({ dataDir, secrets, transport: 'browser', warn: () => {} });
    const overview = await first.dispatch('accounts.overview', {});
    const sdkAppId = overview.ok ? (overview.value as { apps: { sandbox: boolean; sdkAppId: number }[] }).apps[0]?.sdkAppId : undefined;
    const launched = await first.dispatch('launch.start', { source: { kind: 'draft', draft: sampleDraft({ sdkAppId, roomId: '777' }) } });
    expect(launched.ok).toBe(true);
    await first.close();
    const raw = new DatabaseSync(join(dataDir, databaseFileName));
    // And a launch left pending, as a crash leaves one: the start-up that would settle it must not write.
    raw.exec(`UPDATE records SET data = json_remove(json_set(data, '$.state', 'pending'), '$.taskId') WHERE store = 'tasks.json'`);
    raw.exec(`PRAGMA user_version = ${schemaVersion + 1}`);
    raw.close();

    const newer = await createAppServices({ dataDir, secrets, transport: 'browser', warn: () => {} });
    try {
      expect(await newer.dispatch('system.storeProblems', {})).toEqual({
        ok: true,
        value: [expect.objectContaining({ store: databaseFileName, kind: 'newer-version' })],
      });
      for (const call of ['media.list', 'presets.list', 'accounts.overview', 'launch.tasks', 'tasks.list', 'system.getSettings'] as const) {
        expect((await newer.dispatch(call, {})).ok, call).toBe(true);
      }
      const added = await newer.dispatch('media.add', { url: 'https://newer.example.com/a.mp4', name: 'no' });
      expect(added).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
      const settings = await newer.dispatch('system.updateSettings', { theme: 'dark' });
      expect(settings).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
      // No Start leaves without its record: the pending write is refused before anything is sent.
      const refused = await newer.dispatch('launch.start', { source: { kind: 'draft', draft: sampleDraft({ sdkAppId, roomId: '778' }) } });
      expect(refused).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
      const records = await newer.dispatch('launch.tasks', {});
      expect(records.ok && (records.value as { state: string }[]).map((record) => record.state)).toEqual(['pending']);
    } finally {
      await newer.close();
    }
    const check = new DatabaseSync(join(dataDir, databaseFileName), { readOnly: true });
    expect(check.prepare('PRAGMA user_version').get()).toEqual({ user_version: schemaVersion + 1 });
    check.close();
  }, 60_000);
});
