import { AsyncLocalStorage } from 'node:async_hooks';

/** What the caller knows about the task a call is about, beyond the request's own fields. */
export interface CallContext {
  /** The task's room: Describe, Update and Stop do not carry one, yet the log files them under it. */
  roomId?: string;
}

const storage = new AsyncLocalStorage<CallContext>();

/** Runs `work` with every TRTC call it makes (however deep, through the limiter) recorded with `context`. */
export function withCallContext<T>(context: CallContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

export function currentCallContext(): CallContext | undefined {
  return storage.getStore();
}
