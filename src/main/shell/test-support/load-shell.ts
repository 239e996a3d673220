import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

export type ElectronDouble = typeof import('./electron-double');

/** The double (the test file mocks 'electron' with it) reset to a fresh process, and fresh copies of everything that imports it. */
export async function freshElectron(): Promise<ElectronDouble> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as ElectronDouble;
  electron.resetElectronDouble();
  return electron;
}

/** A throwaway data dir and keychain namespace for src/main/index.ts, set through its environment. */
export async function useAppEnvironment(): Promise<{ dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-shell-'));
  vi.stubEnv('INGEST_DESK_DATA_DIR', dataDir);
  vi.stubEnv('INGEST_DESK_KEYCHAIN_SERVICE', `ingest-desk-test-shell-${process.pid}-${Date.now()}`);
  return {
    dataDir,
    cleanup: async () => {
      vi.unstubAllEnvs();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once `check` passes (the app's start-up runs on its own promises). */
export async function eventually(check: () => void, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
