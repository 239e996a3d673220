import { AppError } from '../../shared/contract';
import type { LiveTask } from '../../shared/contract/tasks';
import type { Clock } from '../app/clock';
import type { DomainParts } from '../app/domain';
import type { EventBus } from '../app/event-bus';
import type { RecordStore } from '../storage/record-store';
import type { LaunchRecordView } from './launch-records';
import { LiveTaskStore } from './live-task-store';
import { RateLimiter } from './rate-limiter';
import { type Scheduler, systemScheduler } from './scheduler';
import { createTasksHandlers } from './tasks-handlers';
import { TasksService, type TasksServiceDeps } from './tasks-service';

const launchRecordEvent = 'launch.taskChanged';

/** The app's clock with the system's timers (tests pass a fake scheduler that moves both). */
export function appScheduler(clock: Clock): Scheduler {
  return { now: () => clock.now(), schedule: systemScheduler.schedule };
}

/** One limiter per account and action for the whole app: launches, batches, polls and controls share it. */
export function createRateLimiter(scheduler: Scheduler): RateLimiter {
  return new RateLimiter({ scheduler });
}

/** The ports the board needs from the other domains, every one required (the media ones too). */
type TasksPorts = Omit<TasksServiceDeps, 'store' | 'mediaSeconds' | 'mediaUsed'> &
  Required<Pick<TasksServiceDeps, 'mediaSeconds' | 'mediaUsed'>>;

export interface TasksDeps extends TasksPorts {
  /** Where the board keeps its tasks (rows of the app's database, or a copy in memory when it is read-only). */
  liveTasks: RecordStore<LiveTask>;
  events: EventBus;
}

/**
 * The tasks domain: builds the task board from the other domains' ports, follows the launch records
 * as they change, and starts it (reconcile, polls, scheduled stops).
 */
export async function createTasks({ liveTasks, ...deps }: TasksDeps): Promise<DomainParts<'tasks', TasksService>> {
  const service = new TasksService({ ...deps, store: new LiveTaskStore(liveTasks, deps.events) });
  // The launch domain announces every change of a launch record; the board mirrors it once the
  // launch's own work is done (after the Start has left, after the page has its answer): the
  // registry holds the record, and the board rebuilds a missing copy from it at start-up.
  const unsubscribe = deps.events.subscribe((event: string, payload: unknown) => {
    if (event === launchRecordEvent) setImmediate(() => void service.trackLaunch(payload as LaunchRecordView).catch(() => undefined));
  });
  await service.start();
  return {
    service,
    handlers: createTasksHandlers(service),
    close: async () => {
      unsubscribe();
      service.close();
      await liveTasks.close();
    },
  };
}

/** The account an app belongs to (AccountsService.findAppBySdkAppId fits). */
export function profileOfAppFrom(accounts: { findAppBySdkAppId(sdkAppId: number): { profileId: string } | undefined }) {
  return async (sdkAppId: number): Promise<string> => {
    const app = accounts.findAppBySdkAppId(sdkAppId);
    if (!app) throw new AppError('NOT_FOUND', `No TRTC app with SdkAppId ${sdkAppId} is set up: add it under Accounts.`, { sdkAppId });
    return app.profileId;
  };
}

/**
 * A library entry's URL (for "switch the source"), the media length the page's player measured, and
 * the "last used" stamp a switch leaves on the entry.
 */
export function mediaPortsFrom(
  media: {
    get(id: string): { url: string };
    list(): { url: string; preview: { durationSeconds: number | null } | null }[];
  },
  mediaUsed: NonNullable<TasksServiceDeps['mediaUsed']>,
): Pick<TasksPorts, 'mediaUrl' | 'mediaSeconds' | 'mediaUsed'> {
  return {
    mediaUsed,
    mediaUrl: async (entryId) => media.get(entryId).url,
    mediaSeconds: (streamUrl) => {
      const seconds = media.list().find((entry) => entry.url === streamUrl)?.preview?.durationSeconds;
      // Live streams and unplayed entries have no length.
      return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
    },
  };
}
