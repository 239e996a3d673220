import type { AddressInfo } from 'node:net';
import { type Clock, systemClock } from '../app/clock';
import { createControlEndpoint } from './control-endpoint';
import { FaultBook, type FaultControl } from './faults';
import { sandboxTasksPerApp } from './limits';
import { RateLimiter, requestsPerSecond } from './rate-limit';
import { createSandboxServer, type SandboxRequestRecord } from './sandbox-server';
import { type SandboxTaskView, TaskBook } from './tasks';

export type { FailureKind, FaultControl, FaultRule } from './faults';
export type { SandboxRequestRecord } from './sandbox-server';
export type { SandboxTaskView } from './tasks';

export interface SandboxCredential {
  secretId: string;
  secretKey: string;
}

export interface SandboxApp {
  sdkAppId: number;
  sdkSecretKey: string;
}

export interface SandboxOptions {
  /** 0 or absent: a random free port. Always bound on 127.0.0.1. */
  port?: number;
  credentials: SandboxCredential[];
  apps: SandboxApp[];
  /** Task lifecycle time. */
  clock?: Clock;
  /** Signature, UserSig and rate-limit time; the real clock unless a test needs otherwise. */
  authClock?: Clock;
  /** Media length when the StreamUrl has no `#duration=SECONDS` fragment. */
  defaultMediaSeconds?: number;
  maxConcurrentTasksPerApp?: number;
  /** Requests per second per action per SecretId (20, as documented); tests of other rules may raise it. */
  rateLimitPerSecond?: number;
  /** Told the UserSig and PrivateMapKey of every request (tests register them with the whole-run secret scan). */
  seenTickets?: (tickets: string[]) => void;
  /** When set, `/__sandbox/*` control routes answer requests carrying `Authorization: Bearer <token>`. */
  controlToken?: string;
}

export interface TrtcSandbox {
  port: number;
  close(): Promise<void>;
  faults: FaultControl;
  addCredential(credential: SandboxCredential): void;
  addApp(app: SandboxApp): void;
  /** Every task the sandbox has known, brought up to the task clock's now. */
  tasks(): SandboxTaskView[];
  /** Every request received, in order. */
  requests(): SandboxRequestRecord[];
}

export const sandboxDefaults = { defaultMediaSeconds: 600, maxConcurrentTasksPerApp: sandboxTasksPerApp } as const;

/** Starts the local TRTC stream-ingest stand-in on 127.0.0.1. */
export async function startTrtcSandbox(options: SandboxOptions): Promise<TrtcSandbox> {
  const secretKeys = new Map(options.credentials.map((credential) => [credential.secretId, credential.secretKey]));
  const sdkKeys = new Map(options.apps.map((app) => [app.sdkAppId, app.sdkSecretKey]));
  const authClock = options.authClock ?? systemClock;
  const taskBook = new TaskBook({
    clock: options.clock ?? systemClock,
    defaultMediaSeconds: options.defaultMediaSeconds ?? sandboxDefaults.defaultMediaSeconds,
    maxConcurrentTasksPerApp: options.maxConcurrentTasksPerApp ?? sandboxDefaults.maxConcurrentTasksPerApp,
  });
  const faults = new FaultBook();
  const log: SandboxRequestRecord[] = [];
  const view = { tasks: () => taskBook.list(), requests: () => log.map((entry) => ({ ...entry })) };

  const server = createSandboxServer({
    authClock,
    secretKeyOf: (secretId) => secretKeys.get(secretId),
    actions: {
      tasks: taskBook,
      sdkSecretKeyOf: (sdkAppId) => sdkKeys.get(sdkAppId),
      nowSeconds: () => Math.floor(authClock.now() / 1000),
    },
    rateLimiter: new RateLimiter(authClock, options.rateLimitPerSecond ?? requestsPerSecond),
    faults,
    record: (entry) => log.push(entry),
    ...(options.seenTickets ? { seenTickets: options.seenTickets } : {}),
    ...(options.controlToken ? { control: createControlEndpoint(options.controlToken, faults, view) } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    faults,
    addCredential: (credential) => void secretKeys.set(credential.secretId, credential.secretKey),
    addApp: (app) => void sdkKeys.set(app.sdkAppId, app.sdkSecretKey),
    tasks: view.tasks,
    requests: view.requests,
  };
}
