import { randomBytes } from 'node:crypto';
import type { Clock } from '../app/clock';
import { ApiError } from './api-error';
import type { StartParams, UpdateParams } from './validate-params';

export type TaskState = 'in-progress' | 'ended' | 'stopped';
export type EndReason = 'finished' | 'max-duration' | 'stopped' | 'paused-too-long';

/** A read-only picture of one task, for the app's sandbox view and for tests. */
export interface SandboxTaskView {
  TaskId: string;
  SdkAppId: number;
  /** The region its Start was sent to: the only region that knows the task. */
  region: string;
  RoomId: string;
  RoomIdType: 0 | 1;
  UserId: string;
  StreamUrl: string;
  Volume: number;
  Tempo: number;
  RepeatNum: number;
  MaxDuration?: number;
  EnableProgress: boolean;
  paused: boolean;
  state: TaskState;
  endReason?: EndReason;
  /** Task-clock milliseconds. */
  startedAt: number;
  /** When it will end by itself if nothing changes; null while paused or looping without MaxDuration. */
  endsAt: number | null;
  endedAt?: number;
}

export interface TaskBookOptions {
  clock: Clock;
  defaultMediaSeconds: number;
  maxConcurrentTasksPerApp: number;
}

/** The real service destroys a task paused for more than 12 hours. */
export const maxPauseMs = 12 * 60 * 60 * 1000;

interface Task {
  view: SandboxTaskView;
  /** Media time still to play (ms of media, at tempo 1), Infinity when looping. */
  mediaLeftMs: number;
  /** Wall time still allowed by MaxDuration (RepeatNum -1), Infinity without it. */
  wallLeftMs: number;
  /** Task-clock time the counters were last brought up to date. */
  settledAt: number;
  pausedSince: number | null;
}

/**
 * The tasks' lifecycle on an injectable clock. Nothing runs in the background: every read brings the
 * tasks up to the clock's now, so a fake clock can jump hours ahead and the next Describe sees it.
 * Media plays at Tempo speed; pausing stops both the media and MaxDuration.
 */
export class TaskBook {
  private readonly tasks = new Map<string, Task>();

  constructor(private readonly options: TaskBookOptions) {}

  start(params: StartParams, region: string): string {
    const now = this.options.clock.now();
    this.settleAll(now);
    const running = [...this.tasks.values()].filter((task) => task.view.state === 'in-progress');
    if (running.some((task) => sameRobot(task.view, params)))
      throw new ApiError('FailedOperation.TaskExist', 'Task already exists: this UserId is already ingesting into this room.');
    if (running.filter((task) => task.view.SdkAppId === params.SdkAppId).length >= this.options.maxConcurrentTasksPerApp)
      throw new ApiError('FailedOperation.RestrictedConcurrency', 'Maximum number of concurrent tasks reached.');

    const taskId = `${randomBytes(57).toString('base64url')}..`;
    const looping = params.RepeatNum === -1;
    const mediaMs = this.mediaMs(params.StreamUrl);
    const task: Task = {
      view: {
        TaskId: taskId,
        SdkAppId: params.SdkAppId,
        region,
        RoomId: params.RoomId,
        RoomIdType: params.RoomIdType,
        UserId: params.UserId,
        StreamUrl: params.StreamUrl,
        Volume: params.Volume,
        Tempo: params.Tempo,
        RepeatNum: params.RepeatNum,
        ...(params.MaxDuration === undefined ? {} : { MaxDuration: params.MaxDuration }),
        EnableProgress: params.EnableProgress ?? false,
        paused: false,
        state: 'in-progress',
        startedAt: now,
        endsAt: null,
      },
      mediaLeftMs: looping ? Number.POSITIVE_INFINITY : Math.max(0, mediaMs * params.RepeatNum - (params.SeekSecond ?? 0) * 1000),
      wallLeftMs: looping && params.MaxDuration !== undefined ? params.MaxDuration * 60_000 : Number.POSITIVE_INFINITY,
      settledAt: now,
      pausedSince: null,
    };
    this.tasks.set(taskId, task);
    this.settle(task, now);
    return taskId;
  }

  /**
   * InProgress while the task runs (or is paused); NotExist once it ended, or for any other TaskId,
   * including this one asked about in another region than its Start's.
   */
  describe(sdkAppId: number, taskId: string, region: string): 'InProgress' | 'NotExist' {
    const task = this.tasks.get(taskId);
    if (!task || task.view.SdkAppId !== sdkAppId || task.view.region !== region) return 'NotExist';
    this.settle(task, this.options.clock.now());
    return task.view.state === 'in-progress' ? 'InProgress' : 'NotExist';
  }

  update(params: UpdateParams, region: string): void {
    const now = this.options.clock.now();
    const task = this.liveTask(params.SdkAppId, params.TaskId, region, now);
    const view = task.view;
    if (params.StreamUrl !== undefined && params.StreamUrl !== view.StreamUrl) {
      // New media starts from its beginning, with the task's remaining repeats counted afresh.
      view.StreamUrl = params.StreamUrl;
      if (view.RepeatNum !== -1) task.mediaLeftMs = this.mediaMs(params.StreamUrl) * view.RepeatNum;
    }
    if (params.Volume !== undefined) view.Volume = params.Volume;
    if (params.Tempo !== undefined) view.Tempo = params.Tempo;
    if (params.EnableProgress !== undefined) view.EnableProgress = params.EnableProgress;
    if (params.IsPause === true && !view.paused) {
      view.paused = true;
      task.pausedSince = now;
    } else if (params.IsPause === false && view.paused) {
      view.paused = false;
      task.pausedSince = null;
    }
    this.settle(task, now);
  }

  stop(sdkAppId: number, taskId: string, region: string): void {
    const now = this.options.clock.now();
    const task = this.liveTask(sdkAppId, taskId, region, now);
    this.end(task, now, 'stopped');
  }

  list(): SandboxTaskView[] {
    this.settleAll(this.options.clock.now());
    return [...this.tasks.values()].map((task) => structuredClone(task.view));
  }

  /** A task in progress, as the region asked knows it: in any other region it is an unknown TaskId. */
  private liveTask(sdkAppId: number, taskId: string, region: string, now: number): Task {
    const task = this.tasks.get(taskId);
    if (task) this.settle(task, now);
    if (!task || task.view.SdkAppId !== sdkAppId || task.view.region !== region || task.view.state !== 'in-progress')
      throw new ApiError('InvalidParameter.TaskId', 'TaskId parameter error: no such task in progress.');
    return task;
  }

  private settleAll(now: number): void {
    for (const task of this.tasks.values()) this.settle(task, now);
  }

  /** Brings the task's counters up to `now`, ending it at the exact moment it ran out. */
  private settle(task: Task, now: number): void {
    const view = task.view;
    if (view.state !== 'in-progress') return;
    if (task.pausedSince !== null) {
      if (now - task.pausedSince > maxPauseMs) this.end(task, task.pausedSince + maxPauseMs, 'paused-too-long');
      else view.endsAt = null;
      task.settledAt = now;
      return;
    }
    const untilMediaEnds = task.mediaLeftMs / view.Tempo;
    const remaining = Math.min(untilMediaEnds, task.wallLeftMs);
    const elapsed = now - task.settledAt;
    if (elapsed >= remaining) {
      this.end(task, task.settledAt + remaining, untilMediaEnds <= task.wallLeftMs ? 'finished' : 'max-duration');
      return;
    }
    task.mediaLeftMs -= elapsed * view.Tempo;
    task.wallLeftMs -= elapsed;
    task.settledAt = now;
    view.endsAt = Number.isFinite(remaining) ? now + (remaining - elapsed) : null;
  }

  private end(task: Task, at: number, reason: EndReason): void {
    task.view.state = reason === 'stopped' ? 'stopped' : 'ended';
    task.view.endReason = reason;
    task.view.endedAt = at;
    task.view.endsAt = null;
    task.view.paused = false;
    task.pausedSince = null;
  }

  private mediaMs(streamUrl: string): number {
    return mediaSecondsOf(streamUrl, this.options.defaultMediaSeconds) * 1000;
  }
}

/** The media's length: a `#duration=SECONDS` fragment on the URL, else the configured default. */
export function mediaSecondsOf(streamUrl: string, fallbackSeconds: number): number {
  const match = /#(?:.*&)?duration=(\d+(?:\.\d+)?)(?:&|$)/.exec(streamUrl);
  const seconds = match ? Number(match[1]) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : fallbackSeconds;
}

function sameRobot(view: SandboxTaskView, params: StartParams): boolean {
  return (
    view.SdkAppId === params.SdkAppId &&
    view.RoomId === params.RoomId &&
    view.RoomIdType === params.RoomIdType &&
    view.UserId === params.UserId
  );
}
