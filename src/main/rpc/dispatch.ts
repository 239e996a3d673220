import { AppError, findCall, type Result } from '../../shared/contract';
import type { Handlers } from './handlers';

export type Dispatch = (name: string, rawInput: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Told about failures that are not AppErrors (bugs), with the call name only: inputs may hold secrets. */
  onInternalError?: (name: string, error: unknown) => void;
}

/**
 * The transport-independent boundary: find the call, validate the input with its schema, run the
 * handler, and answer an envelope. IPC and the browser host both go through here and nowhere else.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const table = new Map<string, (input: unknown) => unknown>();
  for (const [domain, methods] of Object.entries(handlers)) {
    for (const [method, handler] of Object.entries(methods as Record<string, (input: unknown) => unknown>)) {
      table.set(`${domain}.${method}`, handler.bind(methods));
    }
  }

  return async (name, rawInput) => {
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
    try {
      const value = await handler(parsed.data);
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      options.onInternalError?.(name, error);
      return { ok: false, error: { code: 'INTERNAL', message: `Internal error in ${name}` } };
    }
  };
}
