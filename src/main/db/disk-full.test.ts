import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDraft } from '../../shared/test-support/samples';
import { systemClock } from '../app/clock';
import { type AppServices, createAppServices } from '../app/create-services';
import { MemorySecretStore } from '../secrets/memory-store';
import { lockDataDir } from '../storage/data-dir-lock';
import { StoreProblems } from '../storage/store-problems';
import { AppDatabase } from './database';

/**
 * A real full disk: a small tmpfs, where this machine lets the test mount one (as root on Linux).
 * Elsewhere it is skipped; database.test.ts provokes the same SQLITE_FULL inside the engine.
 */
const mountPoint = join(tmpdir(), `disk-full-${process.pid}`);
let mounted = false;

beforeAll(async () => {
  await mkdir(mountPoint, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    mounted = true;
  } catch {
    mounted = false;
  }
});

afterAll(async () => {
  if (mounted) execFileSync('umount', [mountPoint]);
  await rm(mountPoint, { recursive: true, force: true });
});

/**
 * Writes a file until the disk refuses even one more byte. Stopping at the first refused 64 KiB chunk
 * left up to 64 KiB free: room for the lock file or a page, depending on what earlier tests wrote.
 */
async function fillDisk(file: string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    for (const size of [64 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          const { bytesWritten } = await handle.write(chunk);
          if (bytesWritten < size) break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    await handle.close();
  }
}

async function call<T>(services: AppServices, name: string, input: unknown = {}) {
  return (await services.dispatch(name as never, input as never)) as
    | { ok: true; value: T }
    | { ok: false; error: { code: string; message: string } };
}

describe('a full disk', () => {
  it('answers DISK_FULL, loses no acknowledged record, and the next call works once there is room', async (context) => {
    if (!mounted) context.skip();
    const dataDir = join(mountPoint, 'data');
    const services = await createAppServices({ dataDir, secrets: new MemorySecretStore(), transport: 'browser', warn: () => {} });
    const filler = join(mountPoint, 'filler');
    const acknowledged: string[] = [];
    const launches = new Map<string, string>();
    try {
      for (let n = 0; n < 5; n++) {
        const added = await call(services, 'media.add', {
          url: `https://full.example.com/${n}.mp4`,
          name: `kept ${n}`,
          notes: 'n'.repeat(1500),
        });
        if (added.ok) acknowledged.push(`kept ${n}`);
      }
      expect(acknowledged).toHaveLength(5);
      await fillDisk(filler);
      let refused: { code: string; message: string } | undefined;
      for (let n = 0; n < 200 && !refused; n++) {
        const added = await call(services, 'media.add', {
          url: `https://full.example.com/more-${n}.mp4`,
          name: `more ${n}`,
          notes: 'm'.repeat(2000),
        });
        if (added.ok) acknowledged.push(`more ${n}`);
        else refused = added.error;
      }
      expect(refused?.code).toBe('DISK_FULL');
      // Starts until one is refused: every Start answered is on disk in the state it was answered with.
      const overview = await call<{ apps: { sandbox: boolean; sdkAppId: number }[] }>(services, 'accounts.overview');
      const sdkAppId = overview.ok ? overview.value.apps.find((app) => app.sandbox)?.sdkAppId : undefined;
      let launchRefused: { code: string; message: string } | undefined;
      for (let n = 0; n < 500 && !launchRefused; n++) {
        const draft = sampleDraft({
          sdkAppId,
          roomId: String(5000 + n),
          name: `full ${n} ${'x'.repeat(80)}`,
          media: { kind: 'url', url: `https://full.example.com/${'long/'.repeat(300)}${n}.mp4` },
        });
        const launched = await call<{ id: string; state: string }>(services, 'launch.start', { source: { kind: 'draft', draft } });
        if (launched.ok) launches.set(launched.value.id, launched.value.state);
        else launchRefused = launched.error;
      }
      expect(launchRefused?.code).toBe('DISK_FULL');

      await rm(filler);
      const again = await call(services, 'media.add', { url: 'https://full.example.com/after.mp4', name: 'after' });
      expect(again.ok).toBe(true);
      acknowledged.push('after');
    } finally {
      await services.close();
      await rm(filler, { force: true });
    }
    const check = AppDatabase.open({ dataDir, clock: systemClock, problems: new StoreProblems() });
    expect(check.integrityCheck()).toBe('ok');
    check.close();
    const reopened = await createAppServices({ dataDir, secrets: new MemorySecretStore(), transport: 'browser', warn: () => {} });
    try {
      const media = await call<{ name: string }[]>(reopened, 'media.list');
      const names = new Set(media.ok ? media.value.map((entry) => entry.name) : []);
      for (const name of acknowledged) expect(names.has(name), name).toBe(true);
      const records = await call<{ id: string; state: string }[]>(reopened, 'launch.tasks');
      const states = new Map(records.ok ? records.value.map((record) => [record.id, record.state]) : []);
      for (const [id, state] of launches) expect(states.get(id), id).toBe(state);
    } finally {
      await reopened.close();
    }
  }, 60_000);

  it('refuses to start on a full disk in one plain sentence', async (context) => {
    if (!mounted) context.skip();
    const filler = join(mountPoint, 'filler');
    await fillDisk(filler);
    try {
      const dataDir = await mkdtemp(join(mountPoint, 'fresh-'));
      const oneSentence = { code: 'DISK_FULL', message: expect.stringMatching(/^The disk holding .* is full: nothing was saved\. /) };
      // The host and the desktop app lock the data dir first, then open the database.
      await expect(lockDataDir(dataDir)).rejects.toMatchObject(oneSentence);
      const start = createAppServices({ dataDir, secrets: new MemorySecretStore(), transport: 'browser', warn: () => {} });
      await expect(start).rejects.toMatchObject(oneSentence);
    } finally {
      await rm(filler, { force: true });
    }
  });
});
