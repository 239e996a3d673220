import { describe, expect, it } from 'vitest';
import { AppError, detailsOf } from './errors';

describe('typed error details', () => {
  it('keeps the wire format: code, message and details as given, no details key when there are none', () => {
    const conflict = new AppError('CONFLICT', 'confirm it', { guard: 'unboundedLoop' });
    expect(conflict.toData()).toEqual({ code: 'CONFLICT', message: 'confirm it', details: { guard: 'unboundedLoop' } });
    expect(JSON.parse(JSON.stringify(new AppError('FORBIDDEN', 'no').toData()))).toEqual({ code: 'FORBIDDEN', message: 'no' });
  });

  it('reads details only under the code they were written for', () => {
    const data = new AppError('TRTC_API_ERROR', 'x', { action: 'StopStreamIngest', trtcCode: 'InternalError', retryable: true }).toData();
    expect(detailsOf(data, 'TRTC_API_ERROR')?.trtcCode).toBe('InternalError');
    expect(detailsOf(data, 'NOT_FOUND')).toBeUndefined();
    const bare = new AppError('TRTC_API_ERROR', 'no details').toData();
    expect(detailsOf(bare, 'TRTC_API_ERROR')).toBeUndefined();
    expect(detailsOf(undefined, 'CONFLICT')).toBeUndefined();
  });

  it('refuses, at compile time, details that do not fit the code', () => {
    // @ts-expect-error CONFLICT's details name a guard, a user list, ...: not a TRTC code.
    const wrong = new AppError('CONFLICT', 'x', { trtcCode: 'InternalError' });
    // @ts-expect-error FORBIDDEN carries no details.
    const none = new AppError('FORBIDDEN', 'x', { id: 'a' });
    expect([wrong.code, none.code]).toEqual(['CONFLICT', 'FORBIDDEN']);
  });
});
