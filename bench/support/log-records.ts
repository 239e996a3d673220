import { callRecord } from '../../src/main/log/test-support/test-records';
import type { ApiCallRecord } from '../../src/main/trtc/api-call-record';

/** Task log lines as the app writes them, for the benches that need a log of 100,000 entries. */
const actions = ['StartStreamIngest', 'DescribeStreamIngest', 'UpdateStreamIngest', 'StopStreamIngest'] as const;
const outcomes = ['ok', 'ok', 'ok', 'api-error', 'unknown'] as const;
export const base = Date.UTC(2026, 10, 1);

/** Realistic lines: Start carries the full request, Describe/Update/Stop only what they send. */
export function recordFor(i: number): ApiCallRecord {
  const task = Math.floor(i / 50);
  const step = i % 50;
  const action = actions[step === 0 ? 0 : step === 49 ? 3 : 1 + (step % 2)] as ApiCallRecord['action'];
  const outcome = outcomes[i % outcomes.length] as ApiCallRecord['outcome'];
  const sdkAppId = 1400000000 + (task % 5);
  const roomId = String(1000 + (task % 200));
  // Real TaskIds are about 80 characters of base64url.
  const taskId = `-ClPVPRhtpDqbuFpxcnpp1VcMUbaCv-7y9DhFKmqEMi_yWkMvhh0ZjLDtAFUtPOgLhpE4V52Q2Pki${task.toString(36).padStart(6, '0')}`;
  const params: Record<string, unknown> =
    action === 'StartStreamIngest'
      ? {
          SdkAppId: sdkAppId,
          RoomId: roomId,
          RoomIdType: 1,
          UserId: `robot_${task}`,
          UserSig: '[redacted]',
          StreamUrl: `https://media.example.com/library/show-${task}/episode-01/index.m3u8`,
          RepeatNum: -1,
          MaxDuration: 180,
          Volume: 100,
        }
      : action === 'UpdateStreamIngest'
        ? { SdkAppId: sdkAppId, TaskId: taskId, Volume: 80 + (i % 20) }
        : { SdkAppId: sdkAppId, TaskId: taskId };
  return callRecord({
    at: new Date(base + i * 15_000).toISOString(),
    action,
    purpose: action === 'DescribeStreamIngest' ? 'poll' : 'control',
    sdkAppId,
    roomId,
    taskId,
    params,
    outcome,
    requestId: `3c1f${i.toString(16).padStart(4, '0')}-9a7e-4d5b-8f6a-${i.toString(16).padStart(12, '0')}`,
    ...(outcome === 'api-error' ? { errorCode: 'InternalError.InternalError', errorMessage: 'Internal error, please retry.' } : {}),
    // Describes alternate with Updates, so nothing folds: the log really holds 100,000 lines.
    response: action === 'StartStreamIngest' ? { TaskId: taskId } : { Status: step % 4 < 2 ? 'InProgress' : 'NotExist' },
    latencyMs: 20 + (i % 180),
  });
}
