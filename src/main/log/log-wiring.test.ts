import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccountsOverview } from '../../shared/contract/accounts';
import type { LogPage } from '../../shared/contract/log';
import { createAppServices } from '../app/create-services';
import { databaseFileName } from '../db/database';
import { KeytarSecretStore } from '../secrets/keytar-store';

// The composition root, the real keychain, the real SDK and the built-in sandbox over loopback.
describe('the task log in the app', () => {
  it('records the calls the TRTC clients make (Test connection against the built-in sandbox)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'log-wiring-'));
    const secrets = new KeytarSecretStore({ service: `ingest-desk-log-test-${randomUUID()}` });
    const services = await createAppServices({ dataDir, secrets, transport: 'browser', warn: () => {} });
    let closed = false;
    try {
      const overview = await services.dispatch('accounts.overview', {});
      if (!overview.ok) throw new Error(overview.error.message);
      const profile = (overview.value as AccountsOverview).profiles[0];
      if (!profile) throw new Error('no sandbox profile');
      const tested = await services.dispatch('accounts.testConnection', { profileId: profile.id });
      expect(tested).toMatchObject({ ok: true, value: { verdict: 'valid' } });
      await services.log.flushed();

      const page = await services.dispatch('log.query', {});
      if (!page.ok) throw new Error(page.error.message);
      const rows = (page.value as LogPage).rows;
      expect(rows).toEqual([
        expect.objectContaining({ action: 'DescribeStreamIngest', outcome: 'ok', sandbox: true, profileId: profile.id }),
      ]);
      expect(rows[0]?.requestId).toBe((tested as { value: { requestId: string } }).value.requestId);
      const values: string[] = [];
      for (const name of await secrets.list()) {
        const value = await secrets.get(name);
        if (value) values.push(value);
      }
      // Closed: the database file holds every row (its close checkpoints the WAL into it).
      closed = true;
      await services.close();
      const stored = await readFile(join(dataDir, databaseFileName), 'latin1');
      expect(stored).toContain(rows[0]?.requestId ?? 'missing');
      // The keychain names the secrets; no value of one is in the log.
      for (const value of values) expect(stored).not.toContain(value);
    } finally {
      if (!closed) await services.close();
      for (const name of await secrets.list()) await secrets.delete(name);
    }
  });
});
