import { describe, expect, it } from 'vitest';
import { adviceFor, appOutcomeCodes, errorCatalog, familyFallbacks, mayRetryAutomatically } from './error-catalog';

// Every code the API reference lists: StartStreamIngest's own list, then the common ones.
const referenceCodes = [
  'FailedOperation.NotAllowed',
  'FailedOperation.NotRtmpFunction',
  'FailedOperation.RestrictedConcurrency',
  'FailedOperation.TaskExist',
  'InternalError.HttpParseFailed',
  'InternalError.InternalError',
  'InvalidParameter.BodyParamsError',
  'InvalidParameter.RoomId',
  'InvalidParameter.SdkAppId',
  'InvalidParameter.StrRoomId',
  'InvalidParameter.StreamUrl',
  'InvalidParameter.TaskId',
  'InvalidParameter.UserSig',
  'MissingParameter.RoomId',
  'MissingParameter.SdkAppId',
  'MissingParameter.TaskId',
  'ResourceInsufficient.RequestRejection',
  'AuthFailure.SignatureExpire',
  'AuthFailure.SignatureFailure',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.InvalidSecretId',
  'AuthFailure.InvalidAuthorization',
  'AuthFailure.UnauthorizedOperation',
  'RequestLimitExceeded',
  'RequestLimitExceeded.UinLimitExceeded',
  'RequestLimitExceeded.IPLimitExceeded',
  'InternalError',
  'ServiceUnavailable',
  'UnsupportedRegion',
  'FailedOperation.TaskNotExist',
  'InvalidAction',
];

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('error catalog', () => {
  it.each([...referenceCodes, ...appOutcomeCodes])('explains %s with a fix in en and zh-CN', (code) => {
    for (const language of ['en', 'zh-CN'] as const) {
      const advice = adviceFor(code, language);
      expect(advice.source, `${code} ${language}`).toBe('code');
      expect(advice.explanation.trim().length).toBeGreaterThan(5);
      expect(advice.fix.trim().length).toBeGreaterThan(4);
    }
    expect(hasChinese(adviceFor(code, 'zh-CN').explanation)).toBe(true);
    expect(hasChinese(adviceFor(code, 'zh-CN').fix)).toBe(true);
    expect(hasChinese(adviceFor(code, 'en').explanation)).toBe(false);
    expect(adviceFor(code, 'en').explanation).not.toBe(adviceFor(code, 'zh-CN').explanation);
  });

  it('lists nothing the reference and the app do not know (so the list above stays the truth)', () => {
    expect(Object.keys(errorCatalog).sort()).toEqual([...referenceCodes, ...appOutcomeCodes].sort());
  });

  it('falls back by family for unknown codes, then to a generic entry', () => {
    expect(adviceFor('AuthFailure.MFAFailure', 'en')).toMatchObject({ source: 'family', retry: 'never' });
    expect(adviceFor('InvalidParameter.Something', 'zh-CN')).toMatchObject({
      source: 'family',
      explanation: familyFallbacks.InvalidParameter['zh-CN'].explanation,
    });
    expect(adviceFor('InternalError.NewThing', 'en')).toMatchObject({ source: 'family', retry: 'backoff' });
    expect(adviceFor('RequestLimitExceeded.Other', 'en')).toMatchObject({ source: 'family', retry: 'backoff' });
    expect(adviceFor('Bizarre', 'en')).toMatchObject({ source: 'unknown', retry: 'never' });
    expect(adviceFor('__proto__', 'en').source).toBe('unknown');
    expect(adviceFor('constructor.x', 'en').source).toBe('unknown');
  });

  it('classifies retries as the reference says', () => {
    for (const code of [
      'RequestLimitExceeded',
      'RequestLimitExceeded.IPLimitExceeded',
      'InternalError',
      'InternalError.InternalError',
      'ServiceUnavailable',
    ]) {
      expect(mayRetryAutomatically(code, 'DescribeStreamIngest'), code).toBe(true);
    }
    for (const code of referenceCodes.filter((code) => /^(AuthFailure|InvalidParameter|MissingParameter)/.test(code))) {
      expect(mayRetryAutomatically(code, 'StopStreamIngest'), code).toBe(false);
    }
    // An ambiguous outcome: fine to retry a Describe, never a Start.
    for (const code of appOutcomeCodes) {
      expect(mayRetryAutomatically(code, 'DescribeStreamIngest'), code).toBe(true);
      expect(mayRetryAutomatically(code, 'StartStreamIngest'), code).toBe(false);
    }
  });
});
