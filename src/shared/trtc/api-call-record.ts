/**
 * What every TRTC API call leaves behind for the task log: the TRTC client builds one record per
 * call, the log persists it (adding its own id and sequence number). Parameters arrive already
 * redacted: UserSig and PrivateMapKey never reach a record at all. Shared so the log's
 * contract is this record rather than a copy of it.
 */
export const trtcActions = ['StartStreamIngest', 'DescribeStreamIngest', 'UpdateStreamIngest', 'StopStreamIngest'] as const;
export type TrtcAction = (typeof trtcActions)[number];

/** The purpose of a connection test: a signed Describe about no real app or task, filed under its profile. */
export const connectionTestPurpose = 'test-connection';

export const callOutcomes = ['ok', 'api-error', 'unknown', 'not-sent'] as const;
/**
 * ok: the API answered without an Error; api-error: it answered an Error (code in `errorCode`);
 * unknown: no answer we can trust (timeout after sending, connection reset, unparsable body);
 * not-sent: the request never left (connection refused, DNS, invalid local input).
 */
export type CallOutcome = (typeof callOutcomes)[number];

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
  /** The show and cue that made the call, when a show's cue did. */
  show?: ShowCallTag;
}

/** Names the show (id and name) and cue (id and label) a call was made for. */
export interface ShowCallTag {
  id: string;
  name: string;
  cueId: string;
  cue?: string;
}
