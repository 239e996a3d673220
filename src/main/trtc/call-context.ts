import { AsyncLocalStorage } from 'node:async_hooks';
import type { ShowCallTag } from '../../shared/trtc/api-call-record';

/** What the caller knows about the task a call is about, beyond the request's own fields. */
export interface CallContext {
  /** The task's room: Describe, Update and Stop do not carry one, yet the log files them under it. */
  roomId?: string;
  /** The show and cue the call is made for: the task log names them. */
  show?: ShowCallTag;
}

const storage = new AsyncLocalStorage<CallContext>();

/**
 * Runs `work` with every TRTC call it makes (however deep, through the limiter) recorded with
 * `context`, added to the context it runs in (a show's cue, then the task's room).
 */
export function withCallContext<T>(context: CallContext, work: () => Promise<T>): Promise<T> {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

export function currentCallContext(): CallContext | undefined {
  return storage.getStore();
}
