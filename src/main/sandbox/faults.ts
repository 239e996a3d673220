/**
 * Faults a test (or a person, through the CLI's control endpoint) switches on per action at run time,
 * to see how the client copes with what real networks and gateways do.
 */
export const failureKinds = ['http-500', 'http-502', 'http-503', 'hang', 'reset', 'truncated', 'html'] as const;
export type FailureKind = (typeof failureKinds)[number];

/** `'*'` applies to every action that has no rule of its own. */
export type FaultTarget = string;

export interface FaultRule {
  /** Added before the answer (or before the failure). */
  latencyMs?: number;
  /** How the exchange breaks, until cleared (or for the next `failureTimes` exchanges). */
  failure?: FailureKind;
  /** When set, only the next N exchanges of the action break; then the failure is dropped. */
  failureTimes?: number;
  /**
   * When true the request is fully processed first (a Start creates its task) and only the answer
   * is broken: the ambiguous case a client must not retry blindly.
   */
  failAfterProcessing?: boolean;
  /**
   * Echo the request body back inside the answer (a debugging proxy or a careless gateway does): in
   * base64, or in base64 wrapped at 64 columns; as an extra `Echo` field of a good answer and at the
   * end of an error's message. The tickets in the body must not reach the client's logs or screens.
   */
  echo?: 'base64' | 'base64-wrapped';
  /** Answer this API error code instead of processing, for the next `times` calls. */
  error?: { code: string; message?: string; times: number };
}

export interface FaultControl {
  /** Replaces the rule for an action (or `'*'`). */
  set(target: FaultTarget, rule: FaultRule): void;
  /** Removes one action's rule, or every rule. */
  clear(target?: FaultTarget): void;
  /** The rules in force (remaining error counts included). */
  list(): Record<string, FaultRule>;
}

export class FaultBook implements FaultControl {
  private readonly rules = new Map<string, FaultRule>();

  set(target: FaultTarget, rule: FaultRule): void {
    this.rules.set(target, structuredClone(rule));
  }

  clear(target?: FaultTarget): void {
    if (target === undefined) this.rules.clear();
    else this.rules.delete(target);
  }

  list(): Record<string, FaultRule> {
    return Object.fromEntries([...this.rules].map(([target, rule]) => [target, structuredClone(rule)]));
  }

  ruleFor(action: string): FaultRule | undefined {
    return this.rules.get(action) ?? this.rules.get('*');
  }

  /** The failure this exchange gets, if any, counting down `failureTimes`. */
  takeFailure(action: string): FailureKind | undefined {
    const rule = this.ruleFor(action);
    const failure = rule?.failure;
    if (!rule || !failure) return undefined;
    if (rule.failureTimes !== undefined) {
      rule.failureTimes -= 1;
      if (rule.failureTimes <= 0) {
        delete rule.failure;
        delete rule.failureTimes;
      }
    }
    return failure;
  }

  /** Takes one forced error from the action's rule, if any are left. */
  takeForcedError(action: string): { code: string; message: string } | undefined {
    const rule = this.ruleFor(action);
    const error = rule?.error;
    if (!rule || !error || error.times <= 0) return undefined;
    error.times -= 1;
    if (error.times === 0) delete rule.error;
    return { code: error.code, message: error.message ?? `Forced by the sandbox: ${error.code}.` };
  }
}
