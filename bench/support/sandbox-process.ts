/**
 * The TRTC sandbox in a process of its own (the built `out/main/sandbox.js`, as `npm run sandbox`
 * starts it), driven through its control routes. A timed comparison needs this: Tencent's API is never
 * in the caller's process, and a sandbox inside the bench process would answer the bare SDK call
 * without the process switch every call through the app pays (about 0.8 ms on the 2-core machine).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FaultRule } from '../../src/main/sandbox/faults';
import type { SandboxConfig } from '../../src/main/sandbox/sandbox-config';
import type { SandboxRequestRecord } from '../../src/main/sandbox/sandbox-server';
import { spawnUntilReady, stopProcess } from './processes';

export interface SandboxProcess {
  port: number;
  setFault(target: string, rule: FaultRule): Promise<void>;
  clearFaults(): Promise<void>;
  requests(): Promise<SandboxRequestRecord[]>;
  close(): Promise<void>;
}

export async function startSandboxProcess(config: SandboxConfig): Promise<SandboxProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'ingest-desk-bench-sandbox-'));
  const token = randomBytes(24).toString('base64url');
  await writeFile(join(dir, 'config.json'), JSON.stringify(config));
  let started: Awaited<ReturnType<typeof spawnUntilReady>>;
  try {
    started = await spawnUntilReady(
      ['out/main/sandbox.js', '--config', join(dir, 'config.json'), '--control-token', token],
      /^sandbox listening \d+$/,
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const port = Number(started.line.split(' ')[2]);
  const control = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`http://127.0.0.1:${port}/__sandbox/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`sandbox control ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    port,
    setFault: async (target, rule) => void (await control('faults', { target, rule })),
    clearFaults: async () => void (await control('faults', { clear: true })),
    requests: () => control<SandboxRequestRecord[]>('requests'),
    close: async () => {
      await stopProcess(started.child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
