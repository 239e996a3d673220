import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { AppError, detailsOf } from '../../shared/contract';
import type { ConnectionTestResult, ConnectionVerdict } from '../../shared/contract/accounts';
import { connectionTestPurpose } from '../trtc/api-call-record';
import type { TrtcClient } from '../trtc/trtc-client';

/** Used when the profile has no app yet: the signature is checked before the SdkAppId is. */
export const placeholderSdkAppId = 1400000000;

/**
 * A cheap signed call that changes nothing: DescribeStreamIngest of a TaskId that cannot exist. Any
 * answer other than AuthFailure.* means the API accepted the signature, so the keys are good. The log
 * files it as a connection test of the profile, not under the stand-in app and TaskId.
 */
export async function testConnection(client: TrtcClient, sdkAppId: number): Promise<ConnectionTestResult> {
  const began = performance.now();
  const base = { sandbox: client.sandbox, endpoint: client.endpoint.connectsTo, region: client.region };
  const taskId = `ingest-desk-connection-test-${randomBytes(6).toString('hex')}`;
  try {
    const { status, requestId } = await client.describeStreamIngest({ SdkAppId: sdkAppId, TaskId: taskId }, connectionTestPurpose);
    return { ...base, verdict: 'valid', message: `The API answered (task status ${status}).`, requestId, latencyMs: since(began) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const latencyMs = since(began);
    const api = detailsOf(error, 'TRTC_API_ERROR');
    if (error.code === 'TRTC_API_ERROR') {
      const code = api?.trtcCode ?? '';
      const requestId = api?.requestId;
      return { ...base, verdict: verdictFor(code), code, message: error.message, ...(requestId ? { requestId } : {}), latencyMs };
    }
    return { ...base, verdict: 'unreachable', code: error.code, message: error.message, latencyMs };
  }
}

export function verdictFor(code: string): ConnectionVerdict {
  if (code === 'AuthFailure.SignatureExpire') return 'clock-skew';
  if (code === 'AuthFailure.UnauthorizedOperation') return 'not-authorized';
  if (code.startsWith('AuthFailure')) return 'auth-failed';
  return 'valid';
}

function since(began: number): number {
  return Math.round(performance.now() - began);
}
