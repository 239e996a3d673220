import { AppError } from '../../shared/contract';
import type { LiveTask, StopResult } from '../../shared/contract/tasks';
import { checkStreamUrl, mediaUrlProblemMessages } from '../../shared/media/url-rules';
import { streamUrlMessageKey } from '../../shared/trtc/requests';
import type { TrtcAction } from '../trtc/api-call-record';
import { clientForTask, type IngestClientSource, type UpdateRequest } from './ingest-client';
import type { LiveTaskStore } from './live-task-store';
import { type BackoffOptions, isTaskGone, trtcCodeOf, withRetry } from './retry-policy';
import type { Scheduler } from './scheduler';
import { ended, isTracked, paused, problemOf, resumed } from './task-transitions';

export interface TaskControlOptions {
  store: LiveTaskStore;
  clients: IngestClientSource;
  scheduler: Scheduler;
  /** Resolves a media library entry to its URL (for "switch to another entry"). */
  mediaUrl: (entryId: string) => Promise<string>;
  /** The media's length when the library knows it. */
  mediaSeconds?: (streamUrl: string) => number | null;
  backoff?: BackoffOptions;
  random?: () => number;
  /** Told when a task is found gone (stopped here, or already gone). */
  onEnded?: (task: LiveTask) => void;
  /** Told once a switch is applied: the library entry now playing (by id, else by URL) was used. */
  mediaUsed?: (use: { entryId?: string; url: string }) => void;
}

export type StopPurpose = 'stop' | 'scheduled-stop';

/**
 * The producer's controls on one running task, through UpdateStreamIngest and StopStreamIngest.
 * Each call returns the task as it now is; when it fails nothing is written and the error is thrown,
 * so the page (which showed the change at once) rolls back. Describe/Update/Stop are retried with
 * backoff where the reference allows. A Stop that finds no task counts as stopped.
 */
export class TaskControl {
  readonly #options: TaskControlOptions;

  constructor(options: TaskControlOptions) {
    this.#options = options;
  }

  pause(id: string): Promise<LiveTask> {
    return this.#update(id, { IsPause: true }, (task, at) => paused(task, at));
  }

  resume(id: string): Promise<LiveTask> {
    return this.#update(id, { IsPause: false }, (task, at) => resumed(task, at));
  }

  setVolume(id: string, volume: number): Promise<LiveTask> {
    return this.#update(id, { Volume: volume }, (task) => ({ ...task, volume }));
  }

  setTempo(id: string, tempo: number): Promise<LiveTask> {
    return this.#update(id, { Tempo: tempo }, (task) => ({ ...task, tempo }));
  }

  setProgress(id: string, enabled: boolean): Promise<LiveTask> {
    return this.#update(id, { EnableProgress: enabled }, (task) => ({ ...task, enableProgress: enabled }));
  }

  async switchSource(id: string, source: { kind: 'url'; url: string } | { kind: 'entry'; entryId: string }): Promise<LiveTask> {
    const url = source.kind === 'url' ? source.url : await this.#options.mediaUrl(source.entryId);
    // Start's StreamUrl rule, checked on the very URL that would leave (a library entry's too).
    const check = checkStreamUrl(url);
    if (!check.ok)
      throw new AppError('INVALID_INPUT', mediaUrlProblemMessages[check.problem], {
        field: 'url',
        problem: check.problem,
        messageKey: streamUrlMessageKey(check.problem),
      });
    const mediaSeconds = this.#options.mediaSeconds?.(url) ?? null;
    const switched = await this.#update(id, { StreamUrl: url }, (task) => ({ ...task, streamUrl: url, mediaSeconds }));
    this.#options.mediaUsed?.({ ...(source.kind === 'entry' ? { entryId: source.entryId } : {}), url });
    return switched;
  }

  /** Stops one task; "no such task" counts as stopped. Already-ended tasks are reported as stopped. */
  async stop(id: string, purpose: StopPurpose = 'stop'): Promise<StopResult> {
    const task = this.#options.store.get(id);
    if (task.status === 'ended') return { id, stopped: true };
    if (!isTracked(task)) {
      return { id, stopped: false, error: { code: 'CONFLICT', message: 'This task has no TaskId to stop: check it in the TRTC console.' } };
    }
    const reason = purpose === 'scheduled-stop' ? 'scheduled' : 'stopped';
    try {
      await this.#send('StopStreamIngest', task, (client) =>
        client.stopStreamIngest({ SdkAppId: task.sdkAppId, TaskId: task.taskId }, purpose),
      );
    } catch (error) {
      if (!isTaskGone(error)) {
        const problem = problemOf(error, this.#options.scheduler.now());
        await this.#options.store.patch(id, (current) => ({ ...current, lastError: problem }));
        return { id, stopped: false, error: { code: problem.code, message: problem.message } };
      }
    }
    const gone = await this.#options.store.patch(id, (current) => ({
      ...ended(current, reason, this.#options.scheduler.now()),
      lastError: null,
    }));
    this.#options.onEnded?.(gone);
    return { id, stopped: true };
  }

  /** Stops every running task of a room, all at once (the limiter spaces the calls). */
  stopRoom(sdkAppId: number, roomId: string): Promise<StopResult[]> {
    return this.#stopMany((task) => task.sdkAppId === sdkAppId && task.roomId === roomId);
  }

  stopAll(): Promise<StopResult[]> {
    return this.#stopMany(() => true);
  }

  #stopMany(which: (task: LiveTask) => boolean): Promise<StopResult[]> {
    const targets = this.#options.store.list().filter((task) => isTracked(task) && which(task));
    return Promise.all(targets.map((task) => this.stop(task.id)));
  }

  async #update(
    id: string,
    fields: Omit<UpdateRequest, 'SdkAppId' | 'TaskId'>,
    apply: (task: LiveTask, at: number) => LiveTask,
  ): Promise<LiveTask> {
    const task = this.#options.store.get(id);
    if (!isTracked(task)) {
      throw new AppError('CONFLICT', task.status === 'ended' ? 'This task has ended.' : 'This task has no TaskId to control.', {
        status: task.status,
      });
    }
    try {
      await this.#send('UpdateStreamIngest', task, (client) =>
        client.updateStreamIngest({ SdkAppId: task.sdkAppId, TaskId: task.taskId, ...fields }, 'control'),
      );
    } catch (error) {
      if (isTaskGone(error)) {
        const gone = await this.#options.store.patch(id, (current) => ended(current, 'not-exist', this.#options.scheduler.now()));
        this.#options.onEnded?.(gone);
        throw new AppError('NOT_FOUND', 'The task no longer exists: it ended or was stopped.', {
          id,
          trtcCode: trtcCodeOf(error),
        });
      }
      throw error;
    }
    const at = this.#options.scheduler.now();
    return this.#options.store.patch(id, (current) => ({ ...apply(current, at), lastError: null }));
  }

  #send<T>(
    action: TrtcAction,
    task: LiveTask,
    send: (client: Awaited<ReturnType<IngestClientSource['forProfile']>>) => Promise<T>,
  ): Promise<T> {
    return withRetry(async () => send(await clientForTask(this.#options.clients, task)), {
      action,
      scheduler: this.#options.scheduler,
      options: this.#options.backoff,
      random: this.#options.random,
    });
  }
}
