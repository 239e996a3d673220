import {
  type AppErrorData,
  type CallName,
  type CallOutput,
  type EventMap,
  type EventName,
  findCall,
  type ParsedInput,
  type Result,
} from '../../../../shared/contract';
import { CallError } from '../client';
import type { Transport } from '../transport';

/** One handler per call the test needs, typed by the contract: the input main would get, the output it answers. */
export type FakeHandlers = { [N in CallName]?: (input: ParsedInput<N>) => CallOutput<N> | Promise<CallOutput<N>> };

export interface FakeTransport extends Transport {
  /** Every call the page made, in order, with the input it sent. */
  readonly calls: { name: CallName; input: unknown }[];
  /** The calls made to one name, their inputs only. */
  inputsOf<N extends CallName>(name: N): unknown[];
  /** Pushes an event as main would. */
  emit<E extends EventName>(event: E, payload: EventMap[E]): void;
  /** How many listeners are open (after a dispose: none). */
  listenerCount(): number;
}

/** Main refusing a call: throw it from a handler and the page gets `{ ok: false, error }`. */
export function refusal(error: AppErrorData): CallError {
  return new CallError(error);
}

/**
 * A transport for page tests, built from the contract: the input is checked with the call's own
 * schema as main's dispatcher does (so the page cannot send what main would refuse), then given to the
 * test's handler. A call without a handler is answered UNKNOWN_CALL, so a test sees it did not expect it.
 */
export function createFakeTransport(handlers: FakeHandlers = {}): FakeTransport {
  const calls: { name: CallName; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  async function call(name: CallName, input: unknown): Promise<Result<unknown>> {
    calls.push({ name, input });
    const spec = findCall(name);
    const handler = handlers[name] as ((input: unknown) => unknown) | undefined;
    if (!spec || !handler) return { ok: false, error: { code: 'UNKNOWN_CALL', message: `The fake has no handler for ${name}` } };
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${name}` } };
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof CallError) return { ok: false, error: error.data };
      throw error;
    }
  }

  return {
    kind: 'browser',
    calls,
    call: call as Transport['call'],
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    inputsOf: (name) => calls.filter((entry) => entry.name === name).map((entry) => entry.input),
    listenerCount: () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0),
  };
}
