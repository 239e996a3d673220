import type { LogFilter } from '../../../../shared/contract/log';

/** `datetime-local` speaks local time without a zone; the filter speaks ISO instants. */
export function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An empty box or an empty choice is no condition at all. */
export function withoutEmpty(filter: LogFilter): LogFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out as LogFilter;
}

/**
 * What was typed in the text boxes since the last pause: typing in two boxes within one pause must
 * apply both, so patches accumulate until the (debounced) flush.
 */
export function createTypedPatches(apply: (patch: Partial<LogFilter>) => void) {
  let typed: Partial<LogFilter> = {};
  return {
    add(patch: Partial<LogFilter>): void {
      typed = { ...typed, ...patch };
    },
    flush(): void {
      const patch = typed;
      typed = {};
      apply(patch);
    },
    clear(): void {
      typed = {};
    },
  };
}
