import type { MediaUrlProblem } from '../media/url-rules';
import type { LaunchProblem } from './launch';
import type { MediaUser } from './media';

/**
 * Errors cross the bridge as data: Electron's ipcMain.handle keeps only a thrown error's message,
 * so every call answers an envelope and the code survives.
 */
export const appErrorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CALL',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'KEYCHAIN_UNAVAILABLE',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_TIMEOUT',
  'STORE_UNAVAILABLE',
  'DISK_FULL',
  'TRTC_API_ERROR',
  'NETWORK_ERROR',
  'TIMEOUT',
  'OUTCOME_UNKNOWN',
  'UNSUPPORTED',
  'INTERNAL',
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

/** One problem the boundary's schema found in a call's input. */
export interface InputIssue {
  path: string;
  code: string;
  /** An i18n key (`tasks:schedule.oneOf`) when the schema gave one, else zod's English text. */
  message: string;
}

/** A library entry that presets still use, with those presets (media.delete without `force`). */
export interface MediaInUse {
  mediaId: string;
  name: string;
  presets: MediaUser[];
}

/**
 * The refusals a launch asks the user to confirm before it sends a Start again, a billable loop, or
 * any Start into a live (non-sandbox) account (`liveConfirm`: the call lacked `confirmLive: true`).
 */
export type LaunchGuard = 'possibleDuplicate' | 'unboundedLoop' | 'liveConfirm';

/** How a request that got no trustworthy answer failed (NETWORK_ERROR, TIMEOUT). */
export interface TransportFailure {
  action: string;
  /** True only when the request surely never left: then it is safe to send again. */
  notSent: boolean;
  /** The classified cause (TIMEOUT, HTTP_STATUS, NETWORK_ERROR) when it may have been sent. */
  reason?: string;
  /** The endpoint's HTTP status, when it answered one without an API error. */
  httpStatus?: number;
}

/**
 * What each error code carries beside its message, as the page reads it. An entry is a union when
 * several places raise the code for different reasons; a code mapped to `never` has no details.
 * Type aliases, not interfaces: the page passes them where a plain record is expected.
 */
export type AppErrorDetailsByCode = {
  INVALID_INPUT:
    | { issues: InputIssue[] }
    | { problems: LaunchProblem[] }
    | { problem: MediaUrlProblem; scheme?: string }
    | { field: 'url'; problem: MediaUrlProblem; messageKey: string }
    | { field: string; region?: string }
    | { missing: 'secretKey'; profileId: string }
    | { missing: 'sdkSecretKey'; appId: string };
  UNKNOWN_CALL: never;
  FORBIDDEN: never;
  NOT_FOUND:
    | { id: string; trtcCode?: string }
    | { batchId: string }
    | { sdkAppId: number }
    | { profileId: string }
    | { appId: string }
    /** Adopt: what TRTC answered for a TaskId it has no running task for. */
    | { status: string };
  CONFLICT:
    | { guard: LaunchGuard }
    | { users: MediaInUse[] }
    | { duplicateOf: string; name?: string }
    /** A launch record's or a task's state that does not allow the action. */
    | { state: string }
    | { status: string }
    /** The task already on the board. */
    | { id: string }
    | { appIds: string[] }
    | { field: 'name' | 'sdkAppId' }
    | { dataDir: string }
    | { store: string };
  KEYCHAIN_UNAVAILABLE: never;
  KEYCHAIN_LOCKED: never;
  KEYCHAIN_TIMEOUT: never;
  STORE_UNAVAILABLE: { store: string };
  /** The data folder; a Start that created its task before the disk filled also says which task and request it was. */
  DISK_FULL: { dataDir?: string; taskId?: string; requestId?: string };
  TRTC_API_ERROR: { action: string; trtcCode: string; requestId?: string; retryable: boolean };
  NETWORK_ERROR: TransportFailure;
  TIMEOUT: TransportFailure;
  OUTCOME_UNKNOWN: { action: string; reason?: string; requestId?: string; httpStatus?: number };
  UNSUPPORTED: never;
  INTERNAL: { id: string };
};

export type AppErrorDetails<C extends AppErrorCode = AppErrorCode> = AppErrorDetailsByCode[C];

/** An error as data, discriminated by its code: checking `code` types `details`. */
export type AppErrorData<C extends AppErrorCode = AppErrorCode> = {
  [K in C]: { code: K; message: string; details?: AppErrorDetailsByCode[K] };
}[C];

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export class AppError<C extends AppErrorCode = AppErrorCode> extends Error {
  readonly code: C;
  /** Read through `detailsOf`: `instanceof` loses the code's type, so this is every code's details. */
  readonly details: AppErrorDetails | undefined;

  constructor(code: C, message: string, details?: AppErrorDetailsByCode[C]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): AppErrorData<C> {
    // The constructor paired code and details; TypeScript cannot follow a generic code into the union.
    const data =
      this.details === undefined
        ? { code: this.code, message: this.message }
        : { code: this.code, message: this.message, details: this.details };
    return data as AppErrorData<C>;
  }
}

/**
 * The details of `error` when it has `code`, else undefined: how main and the page read them. Only an
 * AppError's constructor (typed by code) or the dispatcher writes details, so the code decides their shape.
 */
export function detailsOf<C extends AppErrorCode>(
  error: { code: string; details?: unknown } | null | undefined,
  code: C,
): AppErrorDetailsByCode[C] | undefined {
  if (!error || error.code !== code || error.details === undefined) return undefined;
  const details: unknown = error.details;
  return details as AppErrorDetailsByCode[C];
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorData): Result<never> => ({ ok: false, error });
