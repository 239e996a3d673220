/**
 * What a pre-flight answers: one list of problems, each with a severity, the cue or task it concerns,
 * a code the page translates (`shows:preflight.<code>`, with `params` for the message) and a
 * suggested fix (`shows:fix.<fix>`). A show with a blocking problem is armed only with `override: true`.
 */

export const preflightCodes = [
  /** A cue names a task the show does not have. Fix: add the task, or rename it in the cue. */
  'unknownTask',
  /** A task's preset is gone. */
  'unknownPreset',
  /** A cue acts on a task no earlier cue launches. */
  'taskNeverLaunched',
  /** The same robot user (the preset's UserId) would be in the same room twice. */
  'robotTwiceInRoom',
  /** A task already running on the board (outside this show, or left from an earlier run) has the same robot in the same room: the launch would fail with TaskExist. */
  'robotAlreadyInRoom',
  /** A rehearsal would run more tasks at once than the built-in sandbox allows per app (params: peak, limit): the launches past it fail with RestrictedConcurrency. */
  'sandboxTooManyTasks',
  /** Two cues act on one task at the same second. */
  'sameSecondOnTask',
  /** A source (a task's media or a switch's URL/entry) did not answer the probe. */
  'sourceUnreachable',
  /** A library entry a cue or preset uses is gone. */
  'unknownMediaEntry',
  /** An account's or app's connection test failed (params: profileId/sdkAppId, reason). */
  'accountFailed',
  /** The preset's app is not in Accounts. */
  'unknownApp',
  /** A UserSig or PrivateMapKey could not be made or is missing (pasted ticket absent). */
  'ticketFailed',
  /** Cues that burst past the rate budget: they are spread (params: delayMs). */
  'rateSpread',
  /** A timed cue's time is already past (params: lateMs). */
  'cueInPast',
  /** A timed cue after an `at`/`offset` needs a show start: no planned start, so offsets count from the first Go. */
  'noPlannedStart',
  /** A cue of a kind that needs a running task comes after the task's stop. */
  'actsAfterStop',
  /** Unfinished (tasks that loop forever with no stop cue): billed until stopped by hand. */
  'noEnd',
  /** The show has no cue. */
  'empty',
] as const;
export type PreflightCode = (typeof preflightCodes)[number];

export type Severity = 'blocking' | 'warning';

export interface PreflightProblem {
  severity: Severity;
  code: PreflightCode;
  /** The cue and/or task the problem concerns (absent: the whole show). */
  cueId?: string;
  task?: string;
  /** Values for the translated message (numbers, names; never a secret). */
  params?: Record<string, string | number>;
  /** A fix key the page translates (`shows:fix.<fix>`). */
  fix: string;
}

/** How a burst of cues is spread by the rate budget: each delayed cue and by how much. */
export interface CueDelay {
  cueId: string;
  delayMs: number;
}

export interface BilledEstimate {
  /** Sum over tasks of the minutes each runs per the sheet (launch → its stop or the show's last cue). */
  totalMinutes: number;
  perTask: { task: string; minutes: number; live: boolean }[];
  /** Tasks with no stop cue, counted to the last cue (they may run longer). */
  openEnded: string[];
}

export interface PreflightReport {
  showId: string;
  revision: number;
  /** Epoch ms. */
  checkedAt: number;
  /** Automatic (N minutes before the first timed cue) or asked for. */
  trigger: 'manual' | 'automatic';
  /** The mode it checked for: rehearsal checks the built-in sandbox, not the presets' accounts. */
  mode: 'live' | 'rehearsal';
  problems: PreflightProblem[];
  delays: CueDelay[];
  estimate: BilledEstimate;
  /** Where each cue would go: a real account, or the built-in sandbox (every cue in a rehearsal). */
  cueTargets: Record<string, 'live' | 'sandbox'>;
  blocking: boolean;
}
