import { randomBytes } from 'node:crypto';
import { AppError, findCall, type Result } from '../../shared/contract';
import type { CallContext } from './call-context';
import { runInCall } from './current-call';
import type { Handlers } from './handlers';

/** What a transport knows about a call's caller: its name, and a signal for when the caller goes away. */
export interface Caller {
  transport: CallContext['transport'];
  signal?: AbortSignal;
}

export type Dispatch = (name: string, rawInput: unknown, caller?: Caller) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Told about failures that are not AppErrors (bugs), with the call name only: inputs may hold secrets. */
  onInternalError?: (name: string, error: unknown) => void;
  /** Aborts every call's signal: the app is closing. */
  closing?: AbortSignal;
  /** The transport of calls whose caller does not say (in-process callers: tools and tests). */
  transport?: CallContext['transport'];
  newCallId?: () => string;
}

/** 9 random bytes, 12 characters: unique enough to join a page action to its log entries across runs. */
const randomCallId = () => randomBytes(9).toString('base64url');

type TableHandler = (input: unknown, context: CallContext) => unknown;

/**
 * The transport-independent boundary: find the call, validate the input with its schema, run the
 * handler with a fresh CallContext (also current for everything the handler awaits, see
 * current-call.ts), and answer an envelope. IPC and the browser host both go through here and nowhere else.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const table = new Map<string, TableHandler>();
  for (const [domain, methods] of Object.entries(handlers)) {
    for (const [method, handler] of Object.entries(methods as Record<string, TableHandler>)) {
      table.set(`${domain}.${method}`, handler.bind(methods));
    }
  }
  const newCallId = options.newCallId ?? randomCallId;

  return async (name, rawInput, caller) => {
    const spec = typeof name === 'string' ? findCall(name) : undefined;
    const handler = typeof name === 'string' ? table.get(name) : undefined;
    if (!spec || !handler) {
      return { ok: false, error: { code: 'UNKNOWN_CALL', message: `Unknown call: ${String(name).slice(0, 80)}` } };
    }
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: `Invalid input for ${name}`,
          details: {
            issues: parsed.error.issues.slice(0, 20).map((issue) => ({
              path: issue.path.map(String).join('.'),
              code: issue.code,
              message: issue.message,
            })),
          },
        },
      };
    }
    const signals = [caller?.signal, options.closing].filter((signal) => signal !== undefined);
    const context: CallContext = {
      transport: caller?.transport ?? options.transport ?? 'electron',
      callId: newCallId(),
      // Outlives the answer: work the call started (a probe, a batch) stops when its caller goes away.
      // A signal of its own: listeners added for this call never pile up on the window's or the app's.
      signal: AbortSignal.any(signals),
    };
    try {
      const value = await runInCall(context, () => handler(parsed.data, context));
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      options.onInternalError?.(name, error);
      return { ok: false, error: { code: 'INTERNAL', message: `Internal error in ${name}` } };
    }
  };
}
