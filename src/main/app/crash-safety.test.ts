import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { AppDatabase } from '../db/database';
import { MemorySecretStore } from '../secrets/memory-store';
import { StoreProblems } from '../storage/store-problems';
import { systemClock } from './clock';
import { createAppServices } from './create-services';

const dependencies = Object.keys(packageJson.dependencies);
/** Like electron-vite, runtime dependencies stay external and load from node_modules when run. */
const keepDependenciesExternal: Plugin = {
  name: 'keep-dependencies-external',
  enforce: 'pre',
  resolveId: (id) => (dependencies.some((name) => id === name || id.startsWith(`${name}/`)) ? { id, external: true } : null),
};

/**
 * Crash safety: a process writing presets, media, accounts, launches and the task log is SIGKILLed at random
 * moments, 200 times; afterwards every store loads cleanly and holds every write it acknowledged.
 */
const kills = Number(process.env.INGEST_DESK_CRASH_KILLS ?? 200);

describe('stores under SIGKILL', () => {
  let dir: string;
  let writer: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crash-safety-'));
    // Bundled inside the project so its packages resolve from node_modules when it runs.
    const outDir = resolve('.test-data', 'crash-writer');
    await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [keepDependenciesExternal],
      build: {
        ssr: resolve('src/main/app/test-support/crash-writer.ts'),
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'node22',
      },
    });
    const [file] = (await readdir(outDir)).filter((name) => /\.m?js$/.test(name));
    writer = join(outDir, file ?? 'missing');
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write through ${kills} kills`, async () => {
    const dataDir = join(dir, 'data');
    const acked = new Map<string, number[]>([
      ['media', []],
      ['presets', []],
      ['accounts', []],
      ['log', []],
      ['launches', []],
    ]);
    /** The state each acknowledged launch record was answered with, by record id. */
    const launchStates = new Map<string, string>();
    let next = 0;
    for (let round = 0; round < kills; round++) {
      const child = spawn(process.execPath, [writer, dataDir, String(next)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd() });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk;
      });
      await runUntilKilled(child, (line) => {
        const [word, store, n, recordId, state] = line.split(' ');
        if (word === 'ack' && store && n) {
          acked.get(store)?.push(Number(n));
          if (store === 'launches' && recordId && state) launchStates.set(recordId, state);
          next = Math.max(next, Number(n) + 1);
        }
      }).catch((error: Error) => {
        throw new Error(`${error.message}\n${stderr}`);
      });
      next += 1;
    }

    // The database file itself is sound after every kill, not only readable by the app.
    const database = AppDatabase.open({ dataDir, clock: systemClock, problems: new StoreProblems() });
    expect(database.integrityCheck()).toBe('ok');
    database.close();
    const services = await createAppServices({ dataDir, secrets: new MemorySecretStore(), transport: 'browser', warn: () => {} });
    try {
      const problems = await services.dispatch('system.storeProblems', {});
      expect(problems).toEqual({ ok: true, value: [] });
      const media = await services.dispatch('media.list', {});
      const presets = await services.dispatch('presets.list', {});
      const accounts = await services.dispatch('accounts.overview', {});
      const launches = await services.dispatch('launch.tasks', {});
      const board = await services.dispatch('tasks.list', {});
      if (!media.ok || !presets.ok || !accounts.ok || !launches.ok || !board.ok) throw new Error('a store did not load');
      const mediaNames = new Set((media.value as { name: string }[]).map((entry) => entry.name));
      const presetNames = new Set((presets.value as { name: string }[]).map((preset) => preset.name));
      const profileNames = new Set((accounts.value as { profiles: { name: string }[] }).profiles.map((profile) => profile.name));
      for (const n of acked.get('media') ?? []) expect(mediaNames.has(`clip ${n}`), `media ${n}`).toBe(true);
      for (const n of acked.get('presets') ?? []) expect(presetNames.has(`preset ${n}`), `preset ${n}`).toBe(true);
      for (const n of acked.get('accounts') ?? []) expect(profileNames.has(`profile ${n}`), `profile ${n}`).toBe(true);
      // Every acknowledged launch has its record in the state it was answered with (never pending or
      // interrupted), and every one that started is on the board.
      const records = new Map(
        (launches.value as { state: string; id: string; unknownReason?: string }[]).map((record) => [record.id, record]),
      );
      const onBoard = new Set((board.value as { recordId?: string }[]).map((task) => task.recordId));
      expect(launchStates.size).toBe(acked.get('launches')?.length);
      for (const [id, state] of launchStates) {
        const record = records.get(id);
        expect(record?.state, `launch record ${id}: ${JSON.stringify(record)}`).toBe(state);
        if (state === 'started') expect(onBoard.has(id), `launch record ${id} on the board`).toBe(true);
      }
      const logged = await services.dispatch('log.query', { filter: {}, offset: 0, limit: 500 });
      if (!logged.ok) throw new Error('the log did not load');
      const total = (logged.value as { total: number }).total;
      expect(total).toBeGreaterThanOrEqual(acked.get('log')?.length ?? 0);
      for (const n of acked.get('log') ?? []) {
        const found = await services.dispatch('log.query', { filter: { text: `crash-task-${n}` }, offset: 0, limit: 5 });
        expect(found.ok && (found.value as { total: number }).total, `log ${n}`).toBeGreaterThanOrEqual(1);
      }
      const counts = [...acked].map(([store, list]) => `${store} ${list.length}`).join(', ');
      const tally = new Map<string, number>();
      for (const [id, state] of launchStates) {
        const shown = state === 'unknown' ? `unknown (${records.get(id)?.unknownReason})` : state;
        tally.set(shown, (tally.get(shown) ?? 0) + 1);
      }
      const states = [...tally].map(([state, count]) => `${state} ${count}`);
      console.log(`crash safety: ${kills} SIGKILLs, acknowledged writes kept: ${counts} (launches answered: ${states.join(', ')})`);
      for (const list of acked.values()) expect(list.length).toBeGreaterThan(0);
    } finally {
      await services.close();
    }
  }, 900_000);

  it('lets one process write: a second copy is refused while the first runs, and starts once it is killed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'two-writers-'));
    const child = spawn(process.execPath, [writer, dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((ready, failed) => {
        child.once('exit', (code) => failed(new Error(`the writer exited (${code})`)));
        createInterface({ input: child.stdout as NonNullable<typeof child.stdout> }).on('line', (line) => line === 'ready' && ready());
      });
      const second = { dataDir: dir, secrets: new MemorySecretStore(), transport: 'browser' as const, warn: () => {} };
      await expect(createAppServices(second)).rejects.toMatchObject({ code: 'CONFLICT' });
      child.kill('SIGKILL');
      await new Promise((exited) => child.once('exit', exited));
      // The OS let go of the dead process's lock: nothing to clean up, nothing to take over.
      const services = await createAppServices(second);
      await services.close();
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Waits for "ready", lets the writer run for a random 20..300 ms, then SIGKILLs it. */
function runUntilKilled(child: ChildProcess, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('the writer never became ready')), 30_000);
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') {
        clearTimeout(timer);
        setTimeout(() => child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 280));
      } else {
        onLine(line);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolvePromise();
      else reject(new Error(`the writer exited by itself (${code ?? signal})`));
    });
  });
}
