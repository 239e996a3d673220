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

export function call<I extends z.ZodType, O>(input: I, output: Returns<O>): CallSpec<I, O> {
  return { input, output };
}
