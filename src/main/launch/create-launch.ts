import type { TaskRecord } from '../../shared/contract/launch';
import type { Clock } from '../app/clock';
import type { DomainParts } from '../app/domain';
import type { EventBus } from '../app/event-bus';
import type { RecordStore } from '../storage/record-store';
import { createLaunchHandlers } from './launch-handlers';
import type { LaunchPorts, PresetSource } from './launch-ports';
import { LaunchService } from './launch-service';
import { TaskRegistry } from './task-registry';

export interface LaunchDeps {
  /** Where the launch records are kept (rows of the app's database). */
  records: RecordStore<TaskRecord>;
  clock: Clock;
  events: EventBus;
  presets: PresetSource;
  /** Accounts, tickets and media, as launch needs them (`accountsLaunchPorts` builds them). */
  ports: LaunchPorts;
}

export interface Launch extends DomainParts<'launch', LaunchService> {
  /** The launch records: the board rebuilds itself from them, the diagnostic bundle reads them. */
  registry: TaskRegistry;
}

/** The launch domain: from a preset or a draft to a signed Start, each one written down before it leaves. */
export async function createLaunch({ records, clock, ...deps }: LaunchDeps): Promise<Launch> {
  const registry = await TaskRegistry.open(records, clock);
  const launch = new LaunchService({ ...deps, registry });
  return { service: launch, handlers: createLaunchHandlers(launch), registry, close: () => records.close() };
}
