import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract';
import type { RunMode, RunSpeed, ShowRun } from '../../shared/shows/run-state';
import type { Cue, StoredShow } from '../../shared/shows/show-schema';
import type { EventBus } from '../app/event-bus';
import type { RecordStore } from '../storage/record-store';
import type { Lane, ShowScheduler as Scheduler } from './shows-ports';

type Cancel = () => void;

import { withCallContext } from '../trtc/call-context';
import { type ActionResult, performAction } from './cue-actions';
import { refreshDueTimes, taskOf } from './cue-timing';
import { realDelayUntil, showNow, started, stopped } from './run-clock';
import type { CueRecord, RunRecord } from './run-record';
import { resolveAfterRestart } from './run-recovery';
import { markDue, settleCue } from './run-steps';
import { fallbackTarget, newRun, skip, viewOf } from './run-view';
import { RunWriter } from './run-writer';
import type { ControlsPort, KeepAwakePort, LaunchPort, LaunchTarget } from './shows-ports';

export interface ShowRunnerDeps {
  runs: RecordStore<RunRecord>;
  scheduler: Scheduler;
  events: EventBus;
  launch: LaunchPort;
  controls: ControlsPort;
  keepAwake: KeepAwakePort;
  /** Runs work with its TRTC calls in a limiter lane (the tasks domain's runInLane). */
  inLane: <T>(lane: Lane, work: () => Promise<T>) => Promise<T>;
  /** A timed cue later than this (real ms) is missed, not fired: the app was down, asleep, or its clock jumped. */
  missedAfterMs?: number;
  newId?: () => string;
}

/** Ended runs kept in the database. */
const keptRuns = 20;

const toFire = new Set(['waiting', 'standby', 'held', 'missed', 'failed', 'unknown']);

/**
 * Runs one armed show: fires each cue when due on the app's scheduler (timed cues in the limiter's
 * background lane, the producer's Go/Fire/Jump in the user lane), writes the run before each cue
 * fires and after it answers, and never fires a cue late on its own.
 */
export class ShowRunner {
  readonly #deps: ShowRunnerDeps;
  #run: RunRecord | null = null;
  #timer: Cancel | undefined;
  #release: (() => void) | undefined;

  readonly #writer: RunWriter;

  constructor(deps: ShowRunnerDeps) {
    this.#deps = deps;
    this.#writer = new RunWriter(deps.runs, deps.events);
  }

  view(): ShowRun | null {
    return this.#run && viewOf(this.#run);
  }

  /** After a start: picks up the run a crash or quit left armed. */
  async restore(): Promise<void> {
    const open = this.#deps.runs.values().find((run) => run.state !== 'ended');
    if (!open) return;
    this.#run = open;
    resolveAfterRestart(
      open,
      this.#deps.launch.recordsSince(Math.min(...open.cues.map((cue) => cue.firedReal ?? Number.POSITIVE_INFINITY))),
    );
    await this.recover();
    this.#release = this.#deps.keepAwake.hold();
  }

  /** A restart, a wake from sleep or a clock jump: every timed cue now too late is missed; the rest re-arm. */
  async recover(): Promise<void> {
    const run = this.#run;
    if (!run || run.state === 'ended') return;
    run.recoveredAt = this.#deps.scheduler.now();
    await this.#tick();
  }

  async arm(show: StoredShow, mode: RunMode, speed: RunSpeed, overridden: boolean): Promise<ShowRun> {
    if (this.#run && this.#run.state !== 'ended')
      throw new AppError('CONFLICT', 'A show is armed: disarm it first.', { id: this.#run.show.id });
    const targets = new Map<string, LaunchTarget>();
    for (const task of show.tasks)
      targets.set(task.name, await this.#deps.launch.target(task, mode === 'rehearsal').catch(() => fallbackTarget(mode)));
    const run = newRun({ id: (this.#deps.newId ?? randomUUID)(), show, mode, speed, overridden, targets, now: this.#deps.scheduler.now() });
    // Ended runs are history; the last few are kept (the records table has a ceiling).
    for (const ended of this.#deps.runs
      .values()
      .filter((old) => old.state === 'ended')
      .slice(0, -keptRuns))
      await this.#deps.runs.remove(ended.id);
    this.#run = run;
    this.#release?.();
    this.#release = this.#deps.keepAwake.hold();
    // Timed cues already past when armed are missed at once (the producer fires or skips them).
    await this.#tick();
    return viewOf(run);
  }

  async go(): Promise<ShowRun> {
    const run = this.#active();
    if (run.startedAt === null || !run.clock.running) {
      const now = this.#deps.scheduler.now();
      run.clock = started(run.clock, now);
      run.startedAt ??=
        run.show.plannedStart !== undefined && run.mode === 'rehearsal'
          ? Math.max(Date.parse(run.show.plannedStart), showNow(run.clock, now))
          : showNow(run.clock, now);
      run.state = 'running';
      await this.#tick();
      return viewOf(run);
    }
    const index = run.cues.findIndex((cue) => cue.state === 'standby');
    if (index < 0) throw new AppError('CONFLICT', 'No cue waits for Go.');
    return this.#fireNow(index);
  }

  async hold(): Promise<ShowRun> {
    const run = this.#active();
    run.clock = stopped(run.clock, this.#deps.scheduler.now());
    run.state = 'held';
    this.#timer?.();
    await this.#save();
    return viewOf(run);
  }

  async resume(): Promise<ShowRun> {
    const run = this.#active();
    run.clock = started(run.clock, this.#deps.scheduler.now());
    run.state = 'running';
    await this.#tick();
    return viewOf(run);
  }

  async skip(cueId: string): Promise<ShowRun> {
    const run = this.#active();
    const record = this.#cue(cueId);
    if (!toFire.has(record.state) || record.state === 'failed' || record.state === 'unknown')
      throw new AppError('CONFLICT', 'Only a cue still to fire can be skipped.', { state: record.state });
    skip(record, this.#showNow());
    await this.#tick();
    return viewOf(run);
  }

  async jump(cueId: string): Promise<ShowRun> {
    const run = this.#active();
    const index = run.cues.findIndex((cue) => cue.cueId === cueId);
    if (index < 0) throw new AppError('NOT_FOUND', 'The show has no such cue.', { id: cueId });
    for (const record of run.cues.slice(0, index))
      if (['waiting', 'standby', 'held', 'missed'].includes(record.state)) skip(record, this.#showNow());
    return this.#fireNow(index);
  }

  /** The producer fires one cue now: a missed or held one, a failed or unknown one again (their decision), or one ahead of time. */
  async fire(cueId: string): Promise<ShowRun> {
    const run = this.#active();
    const index = run.cues.findIndex((cue) => cue.cueId === cueId);
    if (index < 0) throw new AppError('NOT_FOUND', 'The show has no such cue.', { id: cueId });
    return this.#fireNow(index);
  }

  async disarm(stopTasks: boolean): Promise<ShowRun> {
    const run = this.#active();
    this.#timer?.();
    if (stopTasks)
      await Promise.allSettled(Object.values(run.taskIds).map((id) => this.#deps.inLane('user', () => this.#deps.controls.stop(id))));
    run.clock = stopped(run.clock, this.#deps.scheduler.now());
    run.state = 'ended';
    run.endedAt = this.#deps.scheduler.now();
    this.#release?.();
    this.#release = undefined;
    await this.#save();
    return viewOf(run);
  }

  close(): void {
    this.#timer?.();
    this.#release?.();
  }

  /** Marks every due cue (missed if too late), writes the run, then fires them; arms the timer for the next. */
  async #tick(): Promise<void> {
    const run = this.#run;
    if (!run || run.state === 'ended') return;
    this.#timer?.();
    refreshDueTimes(run);
    const now = this.#showNow();
    const due: number[] = [];
    if (run.clock.running) {
      due.push(...markDue(run, now, (this.#deps.missedAfterMs ?? 5000) * run.clock.speed, this.#deps.scheduler.now()));
      if (due.length > 0 && run.state === 'armed') run.state = 'running';
      // A missed cue shows how late it is now.
      for (const record of run.cues) if (record.state === 'missed' && record.dueAt !== null) record.lateMs = now - record.dueAt;
    }
    try {
      await this.#save();
    } catch (error) {
      // Not written, not sent: a cue fires only once its run says so on disk. The producer decides.
      for (const index of due)
        Object.assign(run.cues[index] as CueRecord, { state: 'failed', error: { code: 'STORE_UNAVAILABLE', message: errorText(error) } });
      this.#deps.events.emit('shows.run', viewOf(run));
      due.length = 0;
    }
    for (const index of due) void this.#perform(index, 'background');
    this.#arm();
  }

  async #fireNow(index: number): Promise<ShowRun> {
    const run = this.#active();
    const record = run.cues[index] as CueRecord;
    if (!toFire.has(record.state) && record.state !== 'skipped')
      throw new AppError('CONFLICT', 'This cue is firing or done.', { state: record.state });
    const now = this.#showNow();
    Object.assign(record, { state: 'firing', firedAt: now, firedReal: this.#deps.scheduler.now(), heldBy: undefined, error: undefined });
    record.lateMs = record.dueAt === null ? 0 : Math.max(0, now - record.dueAt);
    await this.#save();
    await this.#perform(index, 'user');
    return viewOf(run);
  }

  async #perform(index: number, lane: Lane): Promise<void> {
    const run = this.#run as RunRecord;
    const cue = run.show.cues[index] as Cue;
    const _record = run.cues[index] as CueRecord;
    const roomOf = (name: string) =>
      run.cues.find(
        (other, at) => other.planned && (run.show.cues[at] as Cue).action.kind === 'launch' && taskOf(run.show.cues[at] as Cue) === name,
      )?.planned?.roomId;
    const context = { tasks: run.show.tasks, rehearsal: run.mode === 'rehearsal', taskIds: { ...run.taskIds }, roomOf };
    // Every call the cue makes is logged with the show and cue named.
    const tag = { id: run.show.id, name: run.show.name, cueId: cue.id, ...(cue.label ? { cue: cue.label } : {}) };
    const result: ActionResult = await this.#deps.inLane(lane, () =>
      withCallContext({ show: tag }, () => performAction(this.#deps, cue.action, context)),
    );
    if (this.#run !== run) return;
    settleCue(run, index, result, this.#showNow());
    await this.#tick();
  }

  #arm(): void {
    const run = this.#run;
    if (!run || run.state === 'ended' || !run.clock.running) return;
    // A cue already due whose task's Start is on its way waits for that answer (which ticks again);
    // any other due cue (its time came while this tick was writing) fires at once.
    const launching = new Set(
      run.show.cues.filter((cue, index) => cue.action.kind === 'launch' && run.cues[index]?.state === 'firing').map(taskOf),
    );
    const next = Math.min(
      ...run.cues
        .filter((cue, index) => cue.state === 'waiting' && cue.dueAt !== null && !launching.has(taskOf(run.show.cues[index] as Cue)))
        .map((cue) => cue.dueAt as number),
    );
    if (!Number.isFinite(next)) return;
    this.#timer?.();
    const wait = realDelayUntil(run.clock, this.#deps.scheduler.now(), next);
    this.#timer = this.#deps.scheduler.schedule(Math.ceil(wait), () => void this.#tick());
  }

  #active(): RunRecord {
    if (!this.#run || this.#run.state === 'ended') throw new AppError('CONFLICT', 'No show is armed.');
    return this.#run;
  }

  #cue(cueId: string): CueRecord {
    const record = this.#active().cues.find((cue) => cue.cueId === cueId);
    if (!record) throw new AppError('NOT_FOUND', 'The show has no such cue.', { id: cueId });
    return record;
  }

  #showNow(): number {
    return showNow((this.#run as RunRecord).clock, this.#deps.scheduler.now());
  }

  #save(): Promise<void> {
    return this.#writer.save(this.#run as RunRecord);
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 500) : 'The run could not be written.';
}
