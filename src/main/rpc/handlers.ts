import type { z } from 'zod';
import type { Contract, Domain } from '../../shared/contract';
import type { CallSpec } from '../../shared/contract/define';
import type { CallContext } from './call-context';

/** A handler gets its validated input and the call's context (transport, call id, abort signal). */
type HandlerFor<S> = S extends CallSpec<infer I, infer O> ? (input: z.output<I>, context: CallContext) => Promise<O> | O : never;

/** Handlers of one domain: exactly the methods its contract lists. */
export type DomainHandlers<D extends Domain> = { [M in keyof Contract[D]]: HandlerFor<Contract[D][M]> };

/**
 * Every handler the app answers with. Built as object literals typed by this, so a missing entry and
 * an extra one are both compile errors.
 */
export type Handlers = { [D in Domain]: DomainHandlers<D> };
