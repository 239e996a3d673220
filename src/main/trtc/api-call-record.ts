/**
 * What every TRTC API call leaves behind for the task log (issue: task log). The TRTC client builds
 * one record per call and hands it to an ApiCallRecorder; the log persists it. Parameters arrive
 * already redacted: UserSig and PrivateMapKey never reach a record at all.
 */
export type TrtcAction = 'StartStreamIngest' | 'DescribeStreamIngest' | 'UpdateStreamIngest' | 'StopStreamIngest';

export type CallOutcome =
  /** The API answered without an Error. */
  | 'ok'
  /** The API answered an Error (code in `errorCode`). */
  | 'api-error'
  /** No answer we can trust: timeout after sending, connection reset, unparsable body. */
  | 'unknown'
  /** The request never left (connection refused, DNS, invalid local input). */
  | 'not-sent';

export interface ApiCallRecord {
  /** ISO time the call started. */
  at: string;
  action: TrtcAction;
  /** Why the call was made: launch, poll, control, test-connection, reconcile, adopt, ... */
  purpose: string;
  profileId: string;
  profileName: string;
  /** True when the call went to the built-in sandbox. */
  sandbox: boolean;
  region: string;
  sdkAppId?: number;
  roomId?: string;
  taskId?: string;
  /** Request body with UserSig / PrivateMapKey replaced by "[redacted]". */
  params: Record<string, unknown>;
  outcome: CallOutcome;
  requestId?: string;
  errorCode?: string;
  errorMessage?: string;
  /** Response fields other than RequestId (e.g. Status, TaskId). */
  response?: Record<string, unknown>;
  latencyMs: number;
  appVersion: string;
}

export interface ApiCallRecorder {
  record(entry: ApiCallRecord): void;
}

/** For services built without a log (unit tests of one module). */
export const discardApiCalls: ApiCallRecorder = { record: () => {} };
