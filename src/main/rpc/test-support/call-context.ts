import type { CallContext } from '../call-context';

let calls = 0;

/** A context for tests that call a handler directly, as the dispatcher would hand it. */
export function testCallContext(overrides: Partial<CallContext> = {}): CallContext {
  calls += 1;
  return { transport: 'electron', callId: `test-call-${calls}`, signal: new AbortController().signal, ...overrides };
}
