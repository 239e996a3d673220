import type { Clock } from '../app/clock';
import type { DomainHandlers } from '../rpc/handlers';
import { type BundleEnvironment, bundleLimit, exportCsv, exportDiagnosticBundle, exportJson, exportLimit } from './log-export';
import type { TaskLog } from './task-log';

export interface LogDeps {
  log: TaskLog;
  clock: Clock;
  environment: BundleEnvironment;
}

export function createLogHandlers({ log, clock, environment }: LogDeps): DomainHandlers<'log'> {
  return {
    query: ({ filter, offset, limit }) => log.query(filter, offset, limit),
    entry: ({ id }) => log.entry(id),
    facets: () => log.facets(),
    status: () => log.status(),
    updateRetention: (patch) => log.updateRetention(patch),
    exportEntries: async ({ filter, format }) => {
      const selection = { ...(await log.entries(filter, exportLimit)), filter, at: new Date(clock.now()) };
      return format === 'csv' ? exportCsv(selection) : exportJson(selection);
    },
    diagnosticBundle: async ({ filter }) => {
      const provider = log.taskStateProvider;
      const task = filter.taskId && provider ? { taskId: filter.taskId, state: (await provider.taskState(filter.taskId)) ?? null } : null;
      return exportDiagnosticBundle({
        ...(await log.entries(filter, bundleLimit)),
        filter,
        at: new Date(clock.now()),
        environment,
        status: log.status(),
        task,
      });
    },
  };
}
