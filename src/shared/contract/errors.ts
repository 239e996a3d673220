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

export interface AppErrorData {
  code: AppErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorData): Result<never> => ({ ok: false, error });
