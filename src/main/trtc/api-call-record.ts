/**
 * What every TRTC API call leaves behind for the task log (issue: task log). The TRTC client builds
 * one record per call and hands it to an ApiCallRecorder; the log persists it. Parameters arrive
 * already redacted: UserSig and PrivateMapKey never reach a record at all.
 */
export type { ApiCallRecord, CallOutcome, TrtcAction } from '../../shared/trtc/api-call-record';

import type { ApiCallRecord } from '../../shared/trtc/api-call-record';

export interface ApiCallRecorder {
  record(entry: ApiCallRecord): void;
}

/** For services built without a log (unit tests of one module). */
export const discardApiCalls: ApiCallRecorder = { record: () => {} };
