/**
 * What the whole-app benches share: a built browser host (out/main/serve.js) in a child process with
 * a fresh data dir and keychain namespace, its contract called exactly as the page calls it (token in
 * a header, the host's own Origin), an account pointing at a sandbox, and a clean-up that leaves no
 * process, temp dir or keychain entry behind.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningHost, startHost } from '../../e2e/support/host';
import { rpc } from '../../e2e/support/rpc';
import { credential } from '../../src/main/sandbox/test-support/fixture';
import { KeytarSecretStore } from '../../src/main/secrets/keytar-store';
import type { PresetDraft } from '../../src/shared/contract/presets';
import { sampleDraft } from '../../src/shared/test-support/samples';

/** The app the benches launch on; the external sandbox knows it, the built-in one does not. */
export const benchApp = { sdkAppId: 1400000777, sdkSecretKey: 'bench-sdk-secret-key-0777-abcdefgh' };

export interface BenchHost {
  host: RunningHost;
  dataDir: string;
  /** Stops the host, deletes its data dir and every keychain entry of its namespace. */
  dispose(): Promise<void>;
}

/** A host on a fresh data dir (optionally seeded first) and a fresh keychain namespace. */
export async function startBenchHost(seed?: (dataDir: string) => Promise<void>): Promise<BenchHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-bench-'));
  await seed?.(dataDir);
  let host: RunningHost;
  try {
    host = await startHost({ dataDir });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    host,
    dataDir,
    dispose: async () => {
      await host.stop();
      await rm(dataDir, { recursive: true, force: true });
      await clearKeychainNamespace(host.keychainService);
    },
  };
}

export async function clearKeychainNamespace(service: string): Promise<void> {
  const store = new KeytarSecretStore({ service });
  for (const key of await store.list()) await store.delete(key);
}

/** A user profile whose custom endpoint is the sandbox on `port`, and `benchApp` under it (keys in the real keychain). */
export async function addSandboxAccount(host: RunningHost, port: number): Promise<{ profileId: string }> {
  const profile = await rpc<{ id: string }>(host, 'accounts.addProfile', {
    name: 'Bench sandbox',
    site: 'china',
    region: 'ap-guangzhou',
    endpoint: { scheme: 'http', host: '127.0.0.1', port },
    secretId: credential.secretId,
    secretKey: credential.secretKey,
  });
  await rpc(host, 'accounts.addApp', {
    sdkAppId: benchApp.sdkAppId,
    label: 'Bench app',
    colour: '#1c7ed6',
    profileId: profile.id,
    defaults: { robotUserIdPrefix: 'bench_', userSigExpirySeconds: 600 },
    sdkSecretKey: benchApp.sdkSecretKey,
  });
  return { profileId: profile.id };
}

/** A preset on `benchApp`; a short `#duration=` so tasks end by themselves and the board stops polling them. */
export function benchDraft(name: string, roomId: string, patch: Partial<PresetDraft> = {}): PresetDraft {
  return sampleDraft({
    name,
    sdkAppId: benchApp.sdkAppId,
    region: 'ap-guangzhou',
    roomId,
    userId: 'bench_robot',
    media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=2' },
    ...patch,
  });
}

/** Resolves after `ms` of real time (pacing under a rate limit, not synchronisation). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface EventStream {
  /** Resolves with the payload of the first `event` for which `matches` is true (from now on). */
  next<T>(event: string, matches: (payload: T) => boolean): Promise<T>;
  close(): void;
}

/** The host's server-sent event stream, as the page reads it; resolves once connected. */
export async function openEvents(host: RunningHost): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${host.origin}/events`, {
    headers: { Authorization: `Bearer ${host.token}`, Origin: host.origin },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
  const waiters: { event: string; matches: (payload: unknown) => boolean; resolve: (payload: unknown) => void }[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!event || data === undefined) continue;
          const payload: unknown = JSON.parse(data);
          for (const waiter of [...waiters]) {
            if (waiter.event === event && waiter.matches(payload)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(payload);
            }
          }
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    next: <T>(event: string, matches: (payload: T) => boolean) =>
      new Promise<T>((resolve) => {
        waiters.push({ event, matches: matches as (payload: unknown) => boolean, resolve: resolve as (payload: unknown) => void });
      }),
    close: () => controller.abort(),
  };
}
