/**
 * The one contract between the page and the main process. Every call the page can make is an entry
 * here (domain → method → input schema + result type); every event main pushes is listed in `events`.
 * Main registers exactly one handler per entry (see src/main/rpc/handlers.ts), the preload and the
 * browser host build their surfaces from the same table.
 */
import type { z } from 'zod';
import { accountsCalls, accountsEvents } from './accounts';
import type { CallSpec, Returns } from './define';
import { launchCalls, launchEvents } from './launch';
import { logCalls, logEvents } from './log';
import { mediaCalls, mediaEvents } from './media';
import { presetsCalls, presetsEvents } from './presets';
import { showsCalls, showsEvents } from './shows';
import { systemCalls, systemEvents } from './system';
import { tasksCalls, tasksEvents } from './tasks';

export const contract = {
  system: systemCalls,
  tasks: tasksCalls,
  accounts: accountsCalls,
  media: mediaCalls,
  log: logCalls,
  presets: presetsCalls,
  launch: launchCalls,
  shows: showsCalls,
};

export const events = {
  ...systemEvents,
  ...tasksEvents,
  ...accountsEvents,
  ...mediaEvents,
  ...logEvents,
  ...presetsEvents,
  ...launchEvents,
  ...showsEvents,
};

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type MethodOf<D extends Domain> = keyof Contract[D] & string;

export type CallName = { [D in Domain]: `${D}.${MethodOf<D>}` }[Domain];

type SpecOf<N extends CallName> = N extends `${infer D extends Domain}.${infer M}`
  ? M extends keyof Contract[D]
    ? Contract[D][M]
    : never
  : never;

/** What the page sends (before parsing, so defaults may be omitted). */
export type CallInput<N extends CallName> = SpecOf<N> extends CallSpec<infer I, unknown> ? z.input<I> : never;
/** What a handler receives (after parsing). */
export type ParsedInput<N extends CallName> = SpecOf<N> extends CallSpec<infer I, unknown> ? z.output<I> : never;
export type CallOutput<N extends CallName> = SpecOf<N> extends CallSpec<z.ZodType, infer O> ? O : never;

export type EventMap = { [E in keyof typeof events]: (typeof events)[E] extends Returns<infer P> ? P : never };
export type EventName = keyof EventMap;

export const callNames: readonly CallName[] = Object.entries(contract).flatMap(([domain, methods]) =>
  Object.keys(methods).map((method) => `${domain}.${method}` as CallName),
);
export const eventNames = Object.keys(events) as EventName[];

const specs = new Map<string, CallSpec>(
  Object.entries(contract).flatMap(([domain, methods]) =>
    Object.entries(methods as Record<string, CallSpec>).map(([method, spec]) => [`${domain}.${method}`, spec] as const),
  ),
);

/** Looks a call up by name without touching the prototype chain (`__proto__`, `constructor` are unknown calls). */
export function findCall(name: string): CallSpec | undefined {
  return specs.get(name);
}

export type {
  AppErrorCode,
  AppErrorData,
  AppErrorDetails,
  AppErrorDetailsByCode,
  InputIssue,
  LaunchGuard,
  MediaInUse,
  Result,
  TransportFailure,
} from './errors';
export { AppError, appErrorCodes, detailsOf } from './errors';
