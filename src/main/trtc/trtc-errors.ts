import { AppError } from '../../shared/contract';
import type { CallOutcome, TrtcAction } from './api-call-record';

/** What the SDK throws: TencentCloudSDKHttpException (API errors carry `code`, non-200 answers `httpCode`). */
interface SdkFailure {
  message?: unknown;
  code?: unknown;
  requestId?: unknown;
  httpCode?: unknown;
}

export interface ClassifiedFailure {
  outcome: Exclude<CallOutcome, 'ok'>;
  error: AppError;
  errorCode: string;
  errorMessage: string;
  requestId?: string;
}

// Failures raised before a single byte of the request can have reached the server: nothing happened.
const notSentPattern =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|getaddrinfo|certificate|CERT_|self[- ]signed|altnames|wrong version number|EPROTO/i;
const timeoutPattern = /network timeout|ETIMEDOUT|timed? ?out/i;

const retryableApiCode = /^(RequestLimitExceeded|InternalError|ServiceUnavailable)/;

/**
 * Sorts every failure of a TRTC call into what the caller may do next. The SDK wraps network errors
 * in an exception that keeps only the message, so the message is what is matched. Anything that is
 * neither an API answer nor clearly "never sent" counts as an unknown outcome: for StartStreamIngest
 * (not idempotent) that is OUTCOME_UNKNOWN and must never be retried automatically.
 */
export function classifyTrtcFailure(action: TrtcAction, failure: unknown, redact: (text: string) => string): ClassifiedFailure {
  const raw = (typeof failure === 'object' && failure !== null ? failure : { message: String(failure) }) as SdkFailure;
  const message = redact(typeof raw.message === 'string' ? raw.message : String(failure)).slice(0, 500);
  // An endpoint that echoes the request may put it anywhere in its answer.
  const requestId = typeof raw.requestId === 'string' && raw.requestId !== '' ? redact(raw.requestId).slice(0, 200) : undefined;
  const apiCode = typeof raw.code === 'string' && raw.code !== '' ? redact(raw.code).slice(0, 200) : undefined;
  const start = action === 'StartStreamIngest';

  if (apiCode) {
    return {
      outcome: 'api-error',
      errorCode: apiCode,
      errorMessage: message,
      requestId,
      error: new AppError('TRTC_API_ERROR', `${action}: ${apiCode}: ${message}`, {
        action,
        trtcCode: apiCode,
        requestId,
        retryable: retryableApiCode.test(apiCode),
      }),
    };
  }
  if (typeof raw.httpCode === 'number') {
    const text = `${action}: the endpoint answered HTTP ${raw.httpCode} (${message})`;
    return unknown(start, 'HTTP_STATUS', text, { httpStatus: raw.httpCode });
  }
  if (notSentPattern.test(message)) {
    return {
      outcome: 'not-sent',
      errorCode: 'NETWORK_ERROR',
      errorMessage: message,
      error: new AppError('NETWORK_ERROR', `${action} was not sent: ${message}`, { action, notSent: true }),
    };
  }
  if (timeoutPattern.test(message)) {
    return start
      ? unknown(true, 'TIMEOUT', `${action} timed out after it may have been sent: ${message}`, {})
      : {
          outcome: 'unknown',
          errorCode: 'TIMEOUT',
          errorMessage: message,
          error: new AppError('TIMEOUT', `${action} timed out: ${message}`, { action, notSent: false }),
        };
  }
  return unknown(start, 'NETWORK_ERROR', `${action}: no trustworthy answer: ${message}`, {});

  function unknown(isStart: boolean, errorCode: string, text: string, details: { httpStatus?: number }): ClassifiedFailure {
    return {
      outcome: 'unknown',
      errorCode,
      errorMessage: message,
      error: isStart
        ? new AppError('OUTCOME_UNKNOWN', `${text}. The task may or may not exist: do not start it again blindly.`, {
            action,
            reason: errorCode,
            ...details,
          })
        : new AppError('NETWORK_ERROR', text, { action, notSent: false, reason: errorCode, ...details }),
    };
  }
}
