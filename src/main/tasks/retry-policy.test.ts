import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import type { TrtcAction } from '../trtc/api-call-record';
import { backoffDelay, isTaskGone, mayRetry, withRetry } from './retry-policy';
import { FakeScheduler } from './test-support/fake-scheduler';

const api = (trtcCode: string) => new AppError('TRTC_API_ERROR', trtcCode, { action: 'DescribeStreamIngest', trtcCode, retryable: false });
const others: TrtcAction[] = ['DescribeStreamIngest', 'UpdateStreamIngest', 'StopStreamIngest'];

describe('mayRetry', () => {
  it('retries rate limits, internal errors, unavailability and network failures of Describe/Update/Stop', () => {
    for (const action of others) {
      for (const code of [
        'RequestLimitExceeded',
        'RequestLimitExceeded.UinLimitExceeded',
        'InternalError',
        'InternalError.HttpParseFailed',
        'ServiceUnavailable',
      ]) {
        expect(mayRetry(api(code), action), `${action} ${code}`).toBe(true);
      }
      expect(mayRetry(new AppError('NETWORK_ERROR', 'reset', { action, notSent: false }), action)).toBe(true);
      expect(mayRetry(new AppError('TIMEOUT', 'timeout'), action)).toBe(true);
    }
  });

  it('never retries a Start, whatever the failure', () => {
    for (const error of [
      api('RequestLimitExceeded'),
      api('InternalError'),
      new AppError('NETWORK_ERROR', 'x', { action: 'StartStreamIngest', notSent: true }),
      new AppError('OUTCOME_UNKNOWN', 'x'),
    ]) {
      expect(mayRetry(error, 'StartStreamIngest')).toBe(false);
    }
  });

  it('never retries auth or parameter errors, nor errors of its own', () => {
    for (const code of [
      'AuthFailure.SignatureExpire',
      'AuthFailure.SecretIdNotFound',
      'InvalidParameter.TaskId',
      'MissingParameter.TaskId',
      'FailedOperation.TaskNotExist',
      'RequestLimitExceededX',
    ]) {
      expect(mayRetry(api(code), 'DescribeStreamIngest'), code).toBe(false);
    }
    expect(mayRetry(new Error('bug'), 'DescribeStreamIngest')).toBe(false);
    expect(mayRetry(new AppError('KEYCHAIN_LOCKED', 'locked'), 'StopStreamIngest')).toBe(false);
  });
});

describe('backoffDelay', () => {
  it('draws between 0 and a capped exponential ceiling', () => {
    const options = { baseMs: 100, capMs: 1000, maxAttempts: 9 };
    expect(backoffDelay(1, options, () => 0.999)).toBe(99);
    expect(backoffDelay(3, options, () => 0.999)).toBe(399);
    expect(backoffDelay(8, options, () => 0.999)).toBe(999);
    expect(backoffDelay(8, options, () => 0)).toBe(0);
  });
});

describe('withRetry', () => {
  it('retries a transient failure and returns the eventual answer', async () => {
    const scheduler = new FakeScheduler();
    const waits: number[] = [];
    let calls = 0;
    const result = withRetry(
      async () => {
        calls++;
        if (calls < 3) throw api('InternalError');
        return 'ok';
      },
      { action: 'StopStreamIngest', scheduler, random: () => 0.5, onRetry: (_attempt, waitMs) => waits.push(waitMs) },
    );
    await scheduler.runUntilIdle();
    await expect(result).resolves.toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toEqual([200, 400]);
  });

  it('gives up after the bounded number of attempts', async () => {
    const scheduler = new FakeScheduler();
    let calls = 0;
    const result = withRetry(
      async () => {
        calls++;
        throw api('ServiceUnavailable');
      },
      { action: 'DescribeStreamIngest', scheduler, options: { baseMs: 10, capMs: 50, maxAttempts: 4 } },
    );
    const settled = result.catch((error: unknown) => error);
    await scheduler.runUntilIdle();
    expect(await settled).toBeInstanceOf(AppError);
    expect(calls).toBe(4);
  });

  it('sends a Start exactly once even when it failed in a retryable-looking way', async () => {
    const scheduler = new FakeScheduler();
    let calls = 0;
    const result = withRetry(
      async () => {
        calls++;
        throw api('RequestLimitExceeded');
      },
      { action: 'StartStreamIngest', scheduler },
    );
    await expect(result).rejects.toThrow('RequestLimitExceeded');
    expect(calls).toBe(1);
  });
});

describe('isTaskGone', () => {
  it('recognises the answers for a task that no longer exists', () => {
    expect(isTaskGone(api('FailedOperation.TaskNotExist'))).toBe(true);
    expect(isTaskGone(api('InvalidParameter.TaskId'))).toBe(true);
    expect(isTaskGone(api('InternalError'))).toBe(false);
    expect(isTaskGone(new AppError('TIMEOUT', 't'))).toBe(false);
  });
});
