/**
 * What the shows domain needs from the others, as small interfaces; the composition root builds each
 * from the other domains' services (src/main/app/shows-wiring.ts), the tests from fakes or the real stack.
 */
import type { CueSource, ShowTask } from '../../shared/shows/show-schema';

/** The app's clock and timers (the tasks domain's Scheduler fits): cues fire on the same ones as the board. */
export interface ShowScheduler {
  now(): number;
  /** Runs `run` once, `delayMs` from now; returns its cancel. */
  schedule(delayMs: number, run: () => void): () => void;
}

/** The limiter's lanes: `user` for the producer's clicks, `background` for timed cues. */
export type Lane = 'user' | 'background';

/** The shared limiter's budget per account and action, for pre-flight's estimate of how bursts are spread. */
export interface RateBudget {
  /** Calls timed cues may start within one window (the limiter's background share). */
  perWindow: number;
  windowMs: number;
}

/** The presets a show's tasks launch. */
export interface PresetsPort {
  /** null when the preset is gone. */
  find(id: string): { id: string; name: string } | null;
  /** By exact name, for imports from another machine (the first match). */
  findByName(name: string): { id: string; name: string } | null;
}

/** Where a task's Start goes: its app, room and robot user, and whether that is a real account. */
export interface LaunchTarget {
  sdkAppId: number;
  roomId: string;
  userId: string;
  live: boolean;
}

export interface LaunchOutcome {
  state: 'started' | 'failed' | 'unknown';
  /** The launch record, and the board task of the same id; absent when nothing was sent. */
  recordId?: string;
  error?: { code: string; message: string };
}

/** A launch record as a restart needs it, to tell whether a cue caught mid-fire sent its Start. */
export interface LaunchRecordBrief {
  id: string;
  state: 'pending' | 'started' | 'failed' | 'unknown';
  sdkAppId: number;
  roomId: string;
  userId: string;
  /** Epoch ms. */
  createdAt: number;
}

export interface LaunchPort {
  /** Where the task would go; in a rehearsal always the built-in sandbox. Throws NOT_FOUND for a preset that is gone. */
  target(task: ShowTask, rehearsal: boolean): Promise<LaunchTarget>;
  /** Launches the task's preset (into its room): never retried; a failure or an unknown outcome is the answer. */
  launch(task: ShowTask, rehearsal: boolean): Promise<LaunchOutcome>;
  /** Launch records written at or after `since` (epoch ms). */
  recordsSince(since: number): LaunchRecordBrief[];
}

/** The board's controls, by board task id (a launch's record id). Each throws an AppError when the call fails. */
export interface ControlsPort {
  switchSource(id: string, source: CueSource): Promise<void>;
  setVolume(id: string, volume: number): Promise<void>;
  setTempo(id: string, tempo: number): Promise<void>;
  pause(id: string): Promise<void>;
  resume(id: string): Promise<void>;
  stop(id: string): Promise<void>;
}

/** Keeps the machine from sleeping while a show is armed (Electron's powerSaveBlocker; nothing in the browser host). */
export interface KeepAwakePort {
  /** Returns the release. */
  hold(): () => void;
}

/** The OS said the machine woke up (Electron's powerMonitor 'resume'; never in the browser host). */
export interface PowerEventsPort {
  onResume(listener: () => void): () => void;
}

/** A preset's facts pre-flight needs (never a ticket). */
export interface PresetFacts {
  id: string;
  name: string;
  sdkAppId: number;
  roomId: string;
  userId: string;
  media: { kind: 'url'; url: string } | { kind: 'library'; entryId: string };
  repeatNum: number;
  maxDuration: number | null;
}

/** What pre-flight asks of the accounts, media and presets domains. */
export interface PreflightPort {
  rateBudget: RateBudget;
  preset(id: string): PresetFacts | null;
  /** The app's account, and whether it is the built-in sandbox; null when no such app is set up. */
  app(sdkAppId: number): { profileId: string; sandbox: boolean } | null;
  /** The built-in sandbox app a rehearsal launches into, and how many tasks it runs at once; null when it is not set up. */
  sandboxApp(): { sdkAppId: number; tasksAtOnce: number } | null;
  /** A library entry's URL; null when the entry is gone. */
  mediaUrl(entryId: string): string | null;
  probe(url: string, signal?: AbortSignal): Promise<{ ok: boolean; detail: string | null }>;
  /** The accounts domain's connection test of the app's account. */
  testApp(sdkAppId: number): Promise<{ ok: boolean; verdict: string }>;
  /** Makes every ticket a launch of the preset into this room would need, and drops them: null when all could be made, else a reason. */
  tickets(presetId: string, target: { sdkAppId: number; roomId: string }, rehearsal: boolean): Promise<string | null>;
  /** The robots of the tasks running on the board now (a launch of the same robot into the same room fails with TaskExist). */
  runningRobots(): { sdkAppId: number; roomId: string; userId: string; label: string }[];
}

/** The built-in sandbox's fault switch (only a rehearsal may use it). */
export interface SandboxFaultsPort {
  set(action: string, rule: Record<string, unknown> | null): Promise<Record<string, unknown>>;
  clear(): Promise<void>;
}
