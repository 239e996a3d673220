import type { CueDelay } from '../../shared/shows/preflight';
import type { RateBudget } from './shows-ports';

/** One planned API call of a cue: which account's bucket it draws from (profile and action) and when. */
export interface PlannedCall {
  cueId: string;
  bucket: string;
  at: number;
}

/**
 * How the shared limiter would spread the sheet's timed calls: each bucket lets at most its
 * background share (the per-window budget minus the clicks' reserve) start within any window, as the
 * limiter does. A lower bound: the real limiter also holds a token while its call is in flight.
 */
export function spreadCalls(calls: PlannedCall[], { perWindow, windowMs }: RateBudget): CueDelay[] {
  const byBucket = new Map<string, PlannedCall[]>();
  for (const call of calls) byBucket.set(call.bucket, [...(byBucket.get(call.bucket) ?? []), call]);
  const delays = new Map<string, number>();
  for (const bucket of byBucket.values()) {
    const sent: number[] = [];
    for (const call of [...bucket].sort((a, b) => a.at - b.at)) {
      const blocker = sent.length >= perWindow ? (sent[sent.length - perWindow] as number) + windowMs : Number.NEGATIVE_INFINITY;
      const at = Math.max(call.at, blocker);
      sent.push(at);
      if (at > call.at) delays.set(call.cueId, Math.max(delays.get(call.cueId) ?? 0, at - call.at));
    }
  }
  return [...delays].map(([cueId, delayMs]) => ({ cueId, delayMs }));
}
