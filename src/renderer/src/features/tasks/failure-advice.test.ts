import { describe, expect, it } from 'vitest';
import { catalogCodeOf, failureAdvice } from './failure-advice';

describe('failure advice for the task board', () => {
  it('explains the TRTC code of a failed control, in the page language', () => {
    const failure = { code: 'TRTC_API_ERROR', details: { trtcCode: 'AuthFailure.SignatureExpire' } };
    expect(catalogCodeOf(failure)).toBe('AuthFailure.SignatureExpire');
    const en = failureAdvice(failure, 'en');
    const zh = failureAdvice(failure, 'zh-CN');
    expect(en).toMatchObject({ code: 'AuthFailure.SignatureExpire', source: 'code' });
    expect(en?.fix).toMatch(/clock/i);
    expect(zh?.explanation).toMatch(/[\u4e00-\u9fff]/);
    expect(zh?.explanation).not.toBe(en?.explanation);
  });

  it('explains the "no trustworthy answer" codes and a task’s last TRTC error', () => {
    expect(failureAdvice({ code: 'TIMEOUT' }, 'en')).toMatchObject({ code: 'TIMEOUT', source: 'code' });
    expect(failureAdvice({ code: 'NETWORK_ERROR' }, 'en')).toMatchObject({ code: 'NETWORK_ERROR', source: 'code' });
    expect(failureAdvice({ code: 'RequestLimitExceeded' }, 'en')).toMatchObject({ source: 'code', retry: 'backoff' });
    // A code the catalog does not know still gets the generic explanation.
    expect(failureAdvice({ code: 'NewlyAddedError.Unexplained' }, 'en')).toMatchObject({ source: 'unknown' });
  });

  it('leaves the app’s own errors to their message', () => {
    expect(failureAdvice({ code: 'CONFLICT' }, 'en')).toBeNull();
    expect(failureAdvice({ code: 'NOT_FOUND', details: { id: 'x' } }, 'en')).toBeNull();
  });
});
