import type { DomainHandlers } from '../rpc/handlers';
import type { LaunchService } from './launch-service';

export function createLaunchHandlers(launch: LaunchService): DomainHandlers<'launch'> {
  return {
    preview: ({ source }) => launch.preview(source),
    start: ({ source, ...confirmed }) => launch.start(source, confirmed),
    tasks: () => launch.tasks(),
    retry: ({ recordId, ...confirmed }) => launch.retry(recordId, confirmed),
  };
}
