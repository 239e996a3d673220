import { describe, expect, it } from 'vitest';
import type { CueRun, ShowRun } from '../../../../shared/shows/run-state';
import { countdownMs, decisionsOf, isPending, nextCueOf, showTimeAt } from './run-clock';

const cue = (cueId: string, state: CueRun['state'], dueAt: number | null = null): CueRun => ({ cueId, state, dueAt, target: 'sandbox' });

const run = (cues: CueRun[], nextCueId: string | null): ShowRun => ({
  runId: 'r',
  showId: 's',
  showName: 'S',
  revision: 1,
  mode: 'rehearsal',
  state: 'running',
  armedAt: 0,
  startedAt: 0,
  clock: { realBase: 1_000, showBase: 50_000, speed: 60, running: true },
  cues,
  nextCueId,
  taskIds: {},
  overridden: false,
});

describe('the run view clock', () => {
  it('runs show time at the rehearsal speed and stops it on hold', () => {
    expect(showTimeAt({ realBase: 1_000, showBase: 50_000, speed: 60, running: true }, 2_000)).toBe(110_000);
    expect(showTimeAt({ realBase: 1_000, showBase: 50_000, speed: 1, running: true }, 2_000)).toBe(51_000);
    expect(showTimeAt({ realBase: 1_000, showBase: 50_000, speed: 60, running: false }, 9_000)).toBe(50_000);
  });

  it('counts down to a due cue, never below zero, and has no countdown for a Go cue', () => {
    expect(countdownMs(70_000, 50_000)).toBe(20_000);
    expect(countdownMs(40_000, 50_000)).toBe(0);
    expect(countdownMs(null, 50_000)).toBeNull();
  });

  it('finds the next cue, the ones to decide about, and the ones still pending', () => {
    const cues = [cue('a', 'done'), cue('b', 'missed'), cue('c', 'held'), cue('d', 'waiting', 90_000), cue('e', 'standby')];
    expect(nextCueOf(run(cues, 'd'))?.dueAt).toBe(90_000);
    expect(nextCueOf(run(cues, null))).toBeNull();
    const decisions = decisionsOf(run(cues, 'd'));
    expect(decisions.missed.map((c) => c.cueId)).toEqual(['b']);
    expect(decisions.held.map((c) => c.cueId)).toEqual(['c']);
    expect(cues.filter(isPending).map((c) => c.cueId)).toEqual(['d', 'e']);
  });
});
