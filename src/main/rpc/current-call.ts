import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallContext } from './call-context';

/**
 * The page call being handled, for code that runs inside it however deep (the task log's recorder
 * reads the call id here, so no service has to pass it along). Set by the dispatcher only.
 */
const storage = new AsyncLocalStorage<CallContext>();

export function runInCall<T>(context: CallContext, work: () => T): T {
  return storage.run(context, work);
}

/** The id of the page call this code runs for; undefined in background work (polls, timers, start-up). */
export function currentCallId(): string | undefined {
  return storage.getStore()?.callId;
}

/**
 * Runs `work` outside any page call. A timer armed while a call is handled would otherwise inherit
 * it: a poll scheduled by a launch is background work, not the launch's.
 */
export function outsideCalls<T>(work: () => T): T {
  return storage.exit(work);
}
