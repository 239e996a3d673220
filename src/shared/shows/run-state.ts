/**
 * The run state of an armed show, pushed as `shows.run` at every change. Small on purpose (cue states,
 * not the board): the page joins it with the board by `taskIds`. Times are epoch ms.
 */

export const runModes = ['live', 'rehearsal'] as const;
export type RunMode = (typeof runModes)[number];
export const runSpeeds = [1, 10, 60] as const;
export type RunSpeed = (typeof runSpeeds)[number];

/**
 * `waiting`: not yet due (timed, or waiting for its previous cue). `standby`: waits for Go. `firing`:
 * its call is on its way. `done`: fired and answered. `failed`: the call failed. `unknown`: no
 * trustworthy answer (a launch may or may not have happened). `held`: depends on a task whose launch
 * failed or is unknown, or the show is on hold: asks the producer. `missed`: its time passed while the
 * app was down or asleep: never fired on its own (fire or skip it). `skipped`: the producer skipped it.
 */
export const cueRunStates = ['waiting', 'standby', 'firing', 'done', 'failed', 'unknown', 'held', 'missed', 'skipped'] as const;
export type CueRunState = (typeof cueRunStates)[number];

export interface CueRun {
  cueId: string;
  state: CueRunState;
  /** When it is due, in show time (null: waits for Go or for its previous cue). */
  dueAt: number | null;
  firedAt?: number;
  /** Show-time ms between when it was due and when it fired (or, for a missed cue, how late it is now). */
  lateMs?: number;
  /** How much the rate budget delayed it. */
  delayedMs?: number;
  /** Where it goes: the built-in sandbox (always in rehearsal), or a real account. */
  target: 'live' | 'sandbox';
  /** For a held cue: the task whose launch failed or is unknown. */
  heldBy?: string;
  error?: { code: string; message: string };
}

export interface RunClock {
  /** Show time = showBase + (real now − realBase) × speed, while `running`; frozen at showBase otherwise. */
  realBase: number;
  showBase: number;
  speed: RunSpeed;
  running: boolean;
}

export interface ShowRun {
  runId: string;
  showId: string;
  showName: string;
  /** The show's revision the run was armed with (editing a show does not change a run under way). */
  revision: number;
  mode: RunMode;
  state: 'armed' | 'running' | 'held' | 'ended';
  armedAt: number;
  /** Show time the show started (planned start or the first Go); null before. */
  startedAt: number | null;
  clock: RunClock;
  cues: CueRun[];
  nextCueId: string | null;
  /** The board's task id of each named task the show launched. */
  taskIds: Record<string, string>;
  /** Set after a restart or a sleep/clock jump was detected (the page explains the missed cues). */
  recoveredAt?: number;
  /** Armed although pre-flight found blocking problems. */
  overridden: boolean;
}
