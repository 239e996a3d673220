import type { CallInput, CallName, CallOutput, EventMap, EventName, Result } from '../shared/contract';

/** The whole surface the preload gives the page as `window.api`; nothing else crosses. */
export interface DesktopApi {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
