import type { ApiCallRecord } from '../../trtc/api-call-record';

/** A plausible record for tests and the benchmark; override what the case is about. */
export function callRecord(overrides: Partial<ApiCallRecord> = {}): ApiCallRecord {
  return {
    at: '2026-11-27T12:00:00.000Z',
    action: 'DescribeStreamIngest',
    purpose: 'poll',
    profileId: 'profile-1',
    profileName: 'Studio A',
    sandbox: true,
    region: 'ap-guangzhou',
    sdkAppId: 1400000001,
    roomId: '1234',
    taskId: 'task-1',
    params: { SdkAppId: 1400000001, TaskId: 'task-1' },
    outcome: 'ok',
    requestId: 'req-1',
    response: { Status: 'InProgress' },
    latencyMs: 42,
    appVersion: '0.1.0',
    ...overrides,
  };
}
