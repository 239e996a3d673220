import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WalSync } from './wal-sync';

describe('WalSync', () => {
  it('syncs behind commits, once for those made while a sync runs, and is idle after', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wal-sync-'));
    const wal = join(dir, 'x.db-wal');
    await writeFile(wal, 'frames');
    const failures: unknown[] = [];
    const sync = new WalSync(wal, (error) => failures.push(error));
    sync.committed();
    const first = sync.idle();
    sync.committed();
    expect(sync.idle()).toBe(first);
    await first;
    await sync.idle();
    sync.close();
    expect(failures).toEqual([]);
  });

  it('reports a failed sync once, as the store problem the caller makes of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wal-sync-'));
    const failures: unknown[] = [];
    const sync = new WalSync(join(dir, 'missing', 'x.db-wal'), (error) => failures.push(error));
    sync.committed();
    await sync.idle();
    sync.committed();
    await sync.idle();
    expect(failures).toHaveLength(1);
    sync.close();
  });
});
