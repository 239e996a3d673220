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

/** The transport this window was opened with: the preload's `window.api`, or the host's token in the address. */
export function pickTransport(): Transport | null {
  if (window.api) return createIpcTransport(window.api);
  const token = takeHostToken(window.location, window.history, window.sessionStorage);
  return token ? createHttpTransport(token) : null;
}

let installed: Transport | null = null;

/**
 * The root installs the transport once (`connectStores`); tests install a fake one. Nothing else in
 * the page knows which one it is.
 */
export function installTransport(transport: Transport | null): void {
  installed = transport;
}

export function currentTransport(): Transport | null {
  return installed;
}

export function call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> {
  if (!installed) return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'No connection to the app' } });
  return installed.call(name, input);
}

export async function invoke<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = await call(name, input);
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

/** For a component's own, short-lived listening (a mount effect's cleanup disposes it); stores listen through `connectStores`. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  return installed ? installed.on(event, listener) : () => {};
}

/** A failure as the contract's error data, whatever threw it. */
export function errorData(error: unknown): AppErrorData {
  return error instanceof CallError ? error.data : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
