/**
 * What every TRTC API call leaves behind for the task log (issue: task log). The TRTC client builds
 * one record per call and hands it to an ApiCallRecorder; the log persists it. Parameters arrive
 * already redacted: UserSig and PrivateMapKey never reach a record at all.
 */
export type { ApiCallRecord, CallOutcome, TrtcAction } from '../../shared/trtc/api-call-record';
export { connectionTestPurpose } from '../../shared/trtc/api-call-record';

import { type ApiCallRecord, connectionTestPurpose } from '../../shared/trtc/api-call-record';
import type { CallContext } from './call-context';

export interface ApiCallRecorder {
  record(entry: ApiCallRecord): void;
}

/** For services built without a log (unit tests of one module). */
export const discardApiCalls: ApiCallRecorder = { record: () => {} };

export type CallSubject = Pick<ApiCallRecord, 'sdkAppId' | 'roomId' | 'taskId'>;

/**
 * What a call is about, for the log's app, room and TaskId columns, so that every row of a task can
 * be found by them: the request's fields, the room the caller named (Describe/Update/Stop carry
 * none), and for a Start the TaskId it answered (the task's history begins there). A connection
 * test is about its profile only: its stand-in app and made-up TaskId stay in the parameters.
 */
export function subjectOf(
  purpose: string,
  request: Record<string, unknown>,
  context: CallContext | undefined,
  response?: Record<string, unknown>,
): CallSubject {
  if (purpose === connectionTestPurpose) return {};
  const subject: CallSubject = {};
  if (typeof request.SdkAppId === 'number') subject.sdkAppId = request.SdkAppId;
  const roomId = typeof request.RoomId === 'string' ? request.RoomId : context?.roomId;
  if (roomId) subject.roomId = roomId;
  const taskId = typeof request.TaskId === 'string' ? request.TaskId : response?.TaskId;
  if (typeof taskId === 'string' && taskId !== '') subject.taskId = taskId;
  return subject;
}
