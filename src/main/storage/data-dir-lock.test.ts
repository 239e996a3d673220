import { access, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDataDir, lockFileName } from './data-dir-lock';

describe('lockDataDir', () => {
  it('refuses a second writer while the lock is held, and lets one in once it is released', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const unlock = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toMatchObject({ code: 'CONFLICT' });
    await unlock();
    const again = await lockDataDir(dir);
    await again();
    // Unlocking lets go of the OS lock; the file is never removed (so never someone else's).
    await access(join(dir, lockFileName));
  });

  it('ignores a PID file left by an earlier version, whatever PID it names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    // pid 1 is always alive: the PID lock refused to start here.
    await writeFile(join(dir, '.lock'), '1');
    const unlock = await lockDataDir(dir);
    await unlock();
  });
});
