import { AsyncLocalStorage } from 'node:async_hooks';
import type { Site } from '../../shared/trtc/sites';
import type { TrtcAction } from '../trtc/api-call-record';
import { withCallContext } from '../trtc/call-context';
import type { Lane, RateLimiter } from './rate-limiter';

export interface TaskRef {
  SdkAppId: number;
  TaskId: string;
}

export interface UpdateRequest extends TaskRef {
  StreamUrl?: string;
  Volume?: number;
  IsPause?: boolean;
  EnableProgress?: boolean;
  Tempo?: number;
}

/**
 * The three calls the task engine makes about an existing task (the accounts domain's TrtcClient
 * fits). Failures are AppErrors as that client throws them.
 */
export interface IngestClient {
  describeStreamIngest(request: TaskRef, purpose: string): Promise<{ status: string; requestId: string }>;
  updateStreamIngest(request: UpdateRequest, purpose: string): Promise<{ status: string | undefined; requestId: string }>;
  stopStreamIngest(request: TaskRef, purpose: string): Promise<{ requestId: string }>;
  /** The region the client signs for. */
  readonly region?: string;
}

const laneContext = new AsyncLocalStorage<Lane>();

/** Runs `work` with every TRTC call it makes (however deep) in `lane`: a batch runs its launches in the background lane. */
export function runInLane<T>(lane: Lane, work: () => Promise<T>): Promise<T> {
  return laneContext.run(lane, work);
}

const abortContext = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `work` so that every TRTC call it makes that is still waiting for a token when `signal` aborts
 * is never sent (rejects with the signal's reason): start-up's check of 200 tasks ends with the app.
 */
export function runUntilAborted<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  return abortContext.run(signal, work);
}

// Work nobody is waiting for at the screen; everything else is a click.
const backgroundPurposes = new Set(['poll', 'reconcile', 'batch', 'scheduled-stop']);

function laneOf(purpose: string): Lane {
  return laneContext.getStore() ?? (backgroundPurposes.has(purpose) ? 'background' : 'user');
}

/**
 * Wraps a client so every call first takes a token from the account's limiter for its action, and
 * hands it back once answered. All callers of one account (launch, batch, polls, controls) share it.
 */
export function limitClient<C extends object>(client: C, profileId: string, limiter: RateLimiter): C {
  return new Proxy(client, {
    get(target, property) {
      // Read with the real client as receiver: its getters may use private fields.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const action = typeof property === 'string' ? actionOfMethod[property] : undefined;
      if (!action) return value.bind(target);
      return async (request: unknown, purpose: string) => {
        const release = await limiter.acquire(profileId, action, laneOf(purpose), abortContext.getStore());
        try {
          return await value.call(target, request, purpose);
        } finally {
          release();
        }
      };
    },
  });
}

const actionOfMethod: Record<string, TrtcAction> = {
  startStreamIngest: 'StartStreamIngest',
  describeStreamIngest: 'DescribeStreamIngest',
  updateStreamIngest: 'UpdateStreamIngest',
  stopStreamIngest: 'StopStreamIngest',
};

/**
 * Where the engine gets a client for a profile (the accounts domain's TrtcClients fits): in `region`
 * and for `site`'s host when given, else the profile's own.
 */
export interface IngestClientSource {
  forProfile(profileId: string, region?: string, site?: Site): Promise<IngestClient>;
}

/** The source's clients, each behind the shared limiter. */
export function limitedClients(source: IngestClientSource, limiter: RateLimiter): IngestClientSource {
  return {
    forProfile: async (profileId, region, site) => limitClient(await source.forProfile(profileId, region, site), profileId, limiter),
  };
}

/** A task's account, room and the place it was created in (LiveTask fits). */
export interface PlacedTask {
  profileId: string;
  /** Empty when not known (an adopted task). */
  roomId?: string;
  region?: string | undefined;
  site?: Site | undefined;
}

/**
 * The client for every call about an existing task: a TaskId is known only in the region (and on
 * the site) it was started in, so the call goes there, not to the profile's current default. Its
 * calls are logged under the task's room too (the requests carry none).
 */
export async function clientForTask(source: IngestClientSource, task: PlacedTask): Promise<IngestClient> {
  const client = await source.forProfile(task.profileId, task.region, task.site);
  if (!task.roomId) return client;
  const context = { roomId: task.roomId };
  return {
    region: client.region,
    describeStreamIngest: (request, purpose) => withCallContext(context, () => client.describeStreamIngest(request, purpose)),
    updateStreamIngest: (request, purpose) => withCallContext(context, () => client.updateStreamIngest(request, purpose)),
    stopStreamIngest: (request, purpose) => withCallContext(context, () => client.stopStreamIngest(request, purpose)),
  };
}
