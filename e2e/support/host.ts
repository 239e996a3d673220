import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { recordHostOutput } from './secret-scan/host-recorder';

export interface RunningHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  keychainService: string;
  /** Everything the host wrote to stderr so far (for leak scans and failure messages). */
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface HostOptions {
  dataDir?: string;
  keychainService?: string;
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
  /** Seed the first-run samples (off by default: most specs expect empty lists). */
  samples?: boolean;
}

/**
 * How the page reaches main in this worker (the `transport` fixture sets it): the browser host's HTTP,
 * or the desktop app's IPC (e2e/support/ipc: the built app with an Electron double, the page on its IPC transport).
 */
let transport: 'http' | 'ipc' = 'http';
const ipcHosts = new Map<string, RunningHost>();

export function useTransport(kind: 'http' | 'ipc'): void {
  transport = kind;
}

/** The running IPC host that serves a page at this URL, for the page's IPC bridge. */
export function ipcHostFor(url: string): RunningHost | undefined {
  try {
    return ipcHosts.get(new URL(url).origin);
  } catch {
    return undefined;
  }
}

const entry = {
  http: ['out/main/serve.js'],
  ipc: ['--import', './src/main/shell/test-support/boot/electron-hook.mjs', 'e2e/support/ipc/ipc-host.ts'],
};

/** Starts `out/main/serve.js` (the built browser host), or the built desktop app over IPC, and waits for its one "serving ..." line. */
export async function startHost(options: HostOptions = {}): Promise<RunningHost> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'ingest-desk-e2e-')));
  const keychainService = options.keychainService ?? `ingest-desk-test-${randomUUID()}`;
  const kind = transport;
  const child = spawn(
    process.execPath,
    [
      ...entry[kind],
      '--data-dir',
      dataDir,
      '--keychain-service',
      keychainService,
      ...(options.samples ? [] : ['--no-samples']),
      ...(options.extraArgs ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } },
  );
  const recorder = recordHostOutput(child, { dataDir, keychainService });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await firstLine(child, () => stderr);
  const parsed = new URL(url);
  recorder.attach(url, parsed.searchParams.get('token') ?? '');
  const host: RunningHost = {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    dataDir,
    keychainService,
    stderr: () => stderr,
    stop: (signal = 'SIGTERM') => stop(child, signal),
  };
  if (kind === 'ipc') {
    ipcHosts.set(parsed.origin, host);
    child.once('exit', () => ipcHosts.delete(parsed.origin));
  }
  return host;
}

function firstLine(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start in 15 s:\n${stderr()}`)), 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${stderr()}`));
    });
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      const match = /^serving (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
