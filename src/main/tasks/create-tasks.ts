import type { Clock } from '../app/clock';
import type { EventBus } from '../app/event-bus';
import type { JsonDocument } from '../storage/json-document';
import { LiveTaskStore, type LiveTasksFile } from './live-task-store';
import { RateLimiter } from './rate-limiter';
import { type Scheduler, systemScheduler } from './scheduler';
import { TasksService, type TasksServiceDeps } from './tasks-service';
import { unwiredTaskPorts } from './unwired-ports';

export interface CreateTasksOptions {
  document: JsonDocument<LiveTasksFile>;
  events: EventBus;
  clock: Clock;
  /** Timers; the system's unless a test drives time. */
  scheduler?: Scheduler;
  limiter?: RateLimiter;
  ports?: Partial<Omit<TasksServiceDeps, 'store' | 'events' | 'scheduler' | 'limiter'>>;
}

/** Builds the task board from the other domains' ports and starts it (reconcile, polls, scheduled stops). */
export async function createTasksService(options: CreateTasksOptions): Promise<TasksService> {
  // The app's clock with the system's timers (a fake clock in tests moves both through `scheduler`).
  const scheduler: Scheduler = options.scheduler ?? { now: () => options.clock.now(), schedule: systemScheduler.schedule };
  const service = new TasksService({
    ...unwiredTaskPorts,
    ...options.ports,
    store: new LiveTaskStore(options.document, options.events),
    events: options.events,
    scheduler,
    limiter: options.limiter ?? new RateLimiter({ scheduler }),
  });
  await service.start();
  return service;
}
