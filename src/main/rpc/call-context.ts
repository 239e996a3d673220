/**
 * What the dispatcher hands every handler beside its input: which transport the call came over, the
 * call's id (the task log records it, so a page action and the API calls it made can be joined), and
 * a signal that aborts when the caller goes away or the app closes.
 */
export interface CallContext {
  readonly transport: 'electron' | 'browser';
  readonly callId: string;
  readonly signal: AbortSignal;
}
