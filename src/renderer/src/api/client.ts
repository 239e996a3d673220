import type { AppErrorData, CallInput, CallName, CallOutput, EventMap, EventName, Result } from '../../../shared/contract';
import { createHttpTransport, takeHostToken } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';

/** A failed call, thrown by `invoke` so screens can use try/catch; carries the contract's error data. */
export class CallError extends Error {
  readonly data: AppErrorData;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'CallError';
    this.data = data;
  }
}

function pickTransport(): Transport | null {
  if (window.api) return createIpcTransport(window.api);
  const token = takeHostToken(window.location, window.history, window.sessionStorage);
  return token ? createHttpTransport(token) : null;
}

/** The transport is chosen once at start-up; nothing else in the page knows which one it is. */
export const transport = pickTransport();

export function call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  if (!transport) return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'No connection to the app' } });
  return transport.call(name, input);
}

export async function invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await call(name, input);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  return transport ? transport.on(event, listener) : () => {};
}
