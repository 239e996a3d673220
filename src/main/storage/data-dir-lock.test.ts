import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  it('refuses a second writer while a live process holds the lock', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    // pid 1 is always alive: another process holds the folder.
    await writeFile(join(dir, '.lock'), '1');
    await expect(lockDataDir(dir)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('takes over a stale lock and releases it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    await writeFile(join(dir, '.lock'), '999999999');
    const unlock = await lockDataDir(dir);
    expect(await readFile(join(dir, '.lock'), 'utf8')).toBe(String(process.pid));
    await unlock();
    const again = await lockDataDir(dir);
    await again();
  });
});
