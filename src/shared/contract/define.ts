import type { z } from 'zod';

/** A phantom marker carrying a result or payload type through the contract table. */
export interface Returns<T> {
  readonly __type?: T;
}
export const returns = <T>(): Returns<T> => ({});

/** One entry of the contract: how to validate the input, and what comes back. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly output: Returns<O>;
}

/**
 * A contract entry. Give the input schema as a function when it is written for this call alone: it is
 * built the first time a call is validated rather than when the contract loads, which keeps building
 * some 80 zod schemas out of start-up (the host serves before any call arrives). A schema shared
 * with other code (a form, a document) is built anyway; pass it as it is.
 */
export function call<I extends z.ZodType, O>(input: I | (() => I), output: Returns<O>): CallSpec<I, O> {
  if (typeof input !== 'function') return { input, output };
  let built: I | undefined;
  return {
    get input() {
      built ??= input();
      return built;
    },
    output,
  };
}
