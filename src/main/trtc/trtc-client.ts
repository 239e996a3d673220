import { performance } from 'node:perf_hooks';
// Only the TRTC client module: about 115 modules instead of 1,271 for the package root.
import { Client } from 'tencentcloud-sdk-nodejs/tencentcloud/services/trtc/v20190722/trtc_client.js';
import { AppError } from '../../shared/contract';
import { type Site, sites } from '../../shared/trtc/sites';
import { type Clock, systemClock } from '../app/clock';
import { recentTickets, SecretForms } from '../secrets/known-secret-forms';
import { type ApiCallRecorder, discardApiCalls, subjectOf, type TrtcAction } from './api-call-record';
import { currentCallContext } from './call-context';
import { type EndpointTarget, sdkEndpointFor } from './endpoint-routing';
import { classifyTrtcFailure } from './trtc-errors';

/** Everything needed to sign and route calls for one credential profile. Built in main only. */
export interface TrtcConnection {
  profileId: string;
  profileName: string;
  secretId: string;
  secretKey: string;
  site: Site;
  region: string;
  /** Where to connect; null for the site's real endpoint. Requests are always signed as production. */
  target: EndpointTarget | null;
  /** True for the built-in sandbox (recorded with every call). */
  sandbox: boolean;
}

export interface TrtcClientOptions {
  appVersion: string;
  recorder?: ApiCallRecorder;
  clock?: Clock;
  /** Per-request timeout in seconds (the SDK's httpProfile.reqTimeout). Default 10. */
  timeoutSeconds?: number;
}

/** StartStreamIngest parameters the app sends (deprecated SourceUrl / *EncodeParams are left out on purpose). */
export interface StartIngestRequest {
  SdkAppId: number;
  /** Digits for RoomIdType 1, the string room for RoomIdType 0. */
  RoomId: string;
  RoomIdType: 0 | 1;
  UserId: string;
  UserSig: string;
  StreamUrl: string;
  PrivateMapKey?: string;
  SeekSecond?: number;
  AutoPush?: boolean;
  RepeatNum?: number;
  MaxDuration?: number;
  Volume?: number;
  EnableProgress?: boolean;
  Tempo?: number;
  IdleTimeout?: number;
}

export interface TaskRef {
  SdkAppId: number;
  TaskId: string;
}

export interface UpdateIngestRequest extends TaskRef {
  StreamUrl?: string;
  Volume?: number;
  IsPause?: boolean;
  EnableProgress?: boolean;
  Tempo?: number;
}

/** `InProgress` or `NotExist` (kept open: the API may add more). */
export type IngestStatus = 'InProgress' | 'NotExist' | (string & {});

/**
 * The one way the app talks to TRTC: the official SDK client for one profile, four typed actions.
 *
 * Every call, whatever its fate, hands exactly one ApiCallRecord (UserSig and PrivateMapKey redacted)
 * to the recorder. Failures are AppErrors:
 * - TRTC_API_ERROR { trtcCode, requestId, retryable }: the API answered an Error.
 * - NETWORK_ERROR { notSent: true }: refused / DNS / TLS before sending; safe to retry.
 * - TIMEOUT / NETWORK_ERROR { notSent: false }: Describe/Update/Stop without an answer (they are safe to retry).
 * - OUTCOME_UNKNOWN: StartStreamIngest without a trustworthy answer. The task may exist: reconcile,
 *   never retry automatically.
 * `purpose` says why the call is made (launch, poll, control, test-connection, reconcile, ...).
 */
export class TrtcClient {
  readonly #connection: TrtcConnection;
  readonly #sdk: Client;
  readonly #options: Required<Omit<TrtcClientOptions, 'timeoutSeconds'>>;
  readonly #close: () => void;
  /** Host[:port] requests are signed for, and where they actually go. */
  readonly endpoint: { signedAs: string; connectsTo: string };

  constructor(connection: TrtcConnection, options: TrtcClientOptions) {
    this.#connection = connection;
    this.#options = { appVersion: options.appVersion, recorder: options.recorder ?? discardApiCalls, clock: options.clock ?? systemClock };
    const routed = sdkEndpointFor(connection.site, connection.target);
    this.endpoint = {
      signedAs: routed.endpoint,
      connectsTo: connection.target
        ? `${connection.target.scheme}://${connection.target.host}:${connection.target.port}`
        : `https://${sites[connection.site].endpoint}`,
    };
    this.#sdk = new Client({
      credential: { secretId: connection.secretId, secretKey: connection.secretKey },
      region: connection.region,
      profile: {
        httpProfile: {
          endpoint: routed.endpoint,
          protocol: routed.protocol,
          reqTimeout: options.timeoutSeconds ?? 10,
          ...(routed.agent ? { agent: routed.agent } : {}),
        },
      },
    });
    this.#close = () => routed.agent?.destroy();
  }

  get profileId(): string {
    return this.#connection.profileId;
  }

  get sandbox(): boolean {
    return this.#connection.sandbox;
  }

  get region(): string {
    return this.#connection.region;
  }

  async startStreamIngest(request: StartIngestRequest, purpose: string): Promise<{ taskId: string; requestId: string }> {
    const response = await this.#call('StartStreamIngest', request, purpose, () => this.#sdk.StartStreamIngest(request));
    if (typeof response.TaskId !== 'string' || response.TaskId === '') {
      // An answer without a TaskId cannot be stopped or tracked: treat it as an unknown outcome.
      throw unknownTaskId(response.RequestId);
    }
    return { taskId: response.TaskId, requestId: response.RequestId ?? '' };
  }

  async describeStreamIngest(request: TaskRef, purpose: string): Promise<{ status: IngestStatus; requestId: string }> {
    const response = await this.#call('DescribeStreamIngest', request, purpose, () => this.#sdk.DescribeStreamIngest(request));
    return { status: response.Status ?? 'NotExist', requestId: response.RequestId ?? '' };
  }

  async updateStreamIngest(
    request: UpdateIngestRequest,
    purpose: string,
  ): Promise<{ status: IngestStatus | undefined; requestId: string }> {
    const response = await this.#call('UpdateStreamIngest', request, purpose, () => this.#sdk.UpdateStreamIngest(request));
    return { status: response.Status, requestId: response.RequestId ?? '' };
  }

  async stopStreamIngest(request: TaskRef, purpose: string): Promise<{ requestId: string }> {
    const response = await this.#call('StopStreamIngest', request, purpose, () => this.#sdk.StopStreamIngest(request));
    return { requestId: response.RequestId ?? '' };
  }

  /** Closes pooled connections (routed endpoints keep a keep-alive agent). */
  close(): void {
    this.#close();
  }

  async #call<R extends { RequestId?: string }>(action: TrtcAction, request: object, purpose: string, send: () => Promise<R>): Promise<R> {
    const params = redactParams(request as Record<string, unknown>);
    // This call's tickets, known by value: whatever the endpoint says back (an echo of the body in
    // base64, wrapped in lines) is redacted before it becomes a record, an error or an answer.
    const tickets = ticketValues(request as Record<string, unknown>);
    for (const ticket of tickets) recentTickets.remember(ticket);
    const echoes = new SecretForms(tickets);
    const redact = (text: string) => echoes.redact(text);
    const at = new Date(this.#options.clock.now()).toISOString();
    const began = performance.now();
    const context = currentCallContext();
    const base = {
      at,
      action,
      purpose,
      profileId: this.#connection.profileId,
      profileName: this.#connection.profileName,
      sandbox: this.#connection.sandbox,
      region: this.#connection.region,
      ...subjectOf(purpose, request as Record<string, unknown>, context),
      params,
      appVersion: this.#options.appVersion,
      ...(context?.show ? { show: context.show } : {}),
    };
    try {
      const response = echoes.redactDeep(await send());
      const { RequestId, ...rest } = response;
      // A Start's row carries the TaskId it answered: the task's history in the log begins with it.
      const subject = subjectOf(purpose, request as Record<string, unknown>, context, rest);
      this.#record({ ...base, ...subject, outcome: 'ok', requestId: RequestId, response: rest, latencyMs: elapsed(began) });
      return response;
    } catch (failure) {
      const classified = classifyTrtcFailure(action, failure, redact);
      this.#record({
        ...base,
        outcome: classified.outcome,
        requestId: classified.requestId,
        errorCode: classified.errorCode,
        errorMessage: classified.errorMessage,
        latencyMs: elapsed(began),
      });
      throw classified.error;
    }
  }

  #record(entry: Parameters<ApiCallRecorder['record']>[0]): void {
    try {
      this.#options.recorder.record(entry);
    } catch {
      // A failing log must not turn a successful Start into an error (the TaskId would be lost).
    }
  }
}

export const redactedFields = ['UserSig', 'PrivateMapKey'] as const;

/** The request body as it may be logged: UserSig and PrivateMapKey replaced by "[redacted]". */
export function redactParams(request: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...request };
  for (const field of redactedFields) if (field in copy && copy[field] !== undefined) copy[field] = '[redacted]';
  return copy;
}

function ticketValues(request: Record<string, unknown>): string[] {
  return redactedFields.map((field) => request[field]).filter((value): value is string => typeof value === 'string' && value.length >= 8);
}

function elapsed(began: number): number {
  return Math.round(performance.now() - began);
}

function unknownTaskId(requestId: string | undefined) {
  return new AppError('OUTCOME_UNKNOWN', 'StartStreamIngest answered without a TaskId', { action: 'StartStreamIngest', requestId });
}
