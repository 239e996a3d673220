import { AppError, detailsOf } from '../../shared/contract';
import { mayRetryAutomatically } from '../../shared/trtc/error-catalog';
import type { TrtcAction } from '../trtc/api-call-record';
import { delay, type Scheduler } from './scheduler';

export interface BackoffOptions {
  /** The first retry waits up to this long. */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 400, capMs: 8_000, maxAttempts: 5 };

/**
 * Whether a failed call may be sent again without asking anyone. Never a Start: it has no client
 * token, so a second Start could create a second task. Describe, Update and Stop are safe to repeat.
 */
export function mayRetry(error: unknown, action: TrtcAction): boolean {
  if (action === 'StartStreamIngest') return false;
  if (!(error instanceof AppError)) return false;
  if (error.code === 'NETWORK_ERROR' || error.code === 'TIMEOUT') return true;
  const code = detailsOf(error, 'TRTC_API_ERROR')?.trtcCode;
  // The error catalog's retry class: backoff for rate limits, internal errors and unavailability;
  // never for auth, parameter or state errors (waiting cannot fix them).
  return typeof code === 'string' && mayRetryAutomatically(code, action);
}

/** "Full jitter": a uniformly random wait between 0 and the capped exponential step. */
export function backoffDelay(attempt: number, options: BackoffOptions = defaultBackoff, random: () => number = Math.random): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

export interface RetryContext {
  action: TrtcAction;
  scheduler: Scheduler;
  options?: BackoffOptions;
  random?: () => number;
  signal?: AbortSignal;
  /** Told before each wait (for logs and tests). */
  onRetry?: (attempt: number, waitMs: number, error: unknown) => void;
}

/** Runs `send` (attempt numbers from 1), retrying what `mayRetry` allows, with bounded backoff. */
export async function withRetry<T>(send: (attempt: number) => Promise<T>, context: RetryContext): Promise<T> {
  const options = context.options ?? defaultBackoff;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send(attempt);
    } catch (error) {
      if (attempt >= options.maxAttempts || !mayRetry(error, context.action) || context.signal?.aborted) throw error;
      const waitMs = backoffDelay(attempt, options, context.random);
      context.onRetry?.(attempt, waitMs, error);
      await delay(context.scheduler, waitMs, context.signal);
    }
  }
}

/** The TRTC error code of a failure, when the API answered one. */
export function trtcCodeOf(error: unknown): string | undefined {
  return error instanceof AppError ? detailsOf(error, 'TRTC_API_ERROR')?.trtcCode : undefined;
}

/**
 * The API saying the task is not there (any more): `FailedOperation.TaskNotExist` on the real service,
 * `InvalidParameter.TaskId` for a TaskId it does not know.
 */
export function isTaskGone(error: unknown): boolean {
  const code = trtcCodeOf(error);
  return code === 'FailedOperation.TaskNotExist' || code === 'InvalidParameter.TaskId' || code === 'ResourceNotFound.TaskNotExist';
}
