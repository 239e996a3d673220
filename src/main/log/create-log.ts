import type { Clock } from '../app/clock';
import type { DomainParts } from '../app/domain';
import type { EventBus } from '../app/event-bus';
import type { AppDatabase } from '../db/database';
import type { BundleEnvironment } from './log-export';
import { createLogHandlers } from './log-handlers';
import { TaskLog } from './task-log';

export interface LogDomainDeps {
  database: AppDatabase;
  clock: Clock;
  events: EventBus;
  /** Diagnostics for the developer console; never given a record. */
  warn: (message: string) => void;
  /** What a diagnostic bundle says about the app and the machine. */
  environment: BundleEnvironment;
}

/**
 * The log domain: the record of every TRTC call (each domain that calls the API gets the service as
 * its ApiCallRecorder) and its exports. The board's view of a task reaches the diagnostic bundle
 * through `service.useTaskStateProvider`, given once the tasks domain exists (it is built later).
 */
export async function createLog({ environment, ...options }: LogDomainDeps): Promise<DomainParts<'log', TaskLog>> {
  const log = await TaskLog.open(options);
  return {
    service: log,
    handlers: createLogHandlers({ log, clock: options.clock, environment }),
    close: () => log.close(),
  };
}
