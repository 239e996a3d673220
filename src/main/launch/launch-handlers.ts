import type { DomainHandlers } from '../rpc/handlers';
import type { LaunchService } from './launch-service';

export function createLaunchHandlers(launch: LaunchService): DomainHandlers<'launch'> {
  return {
    preview: ({ source }) => launch.preview(source),
    start: ({ source, confirmUnboundedLoop }) => launch.start(source, confirmUnboundedLoop),
    tasks: () => launch.tasks(),
    retry: ({ recordId, confirmPossibleDuplicate, confirmUnboundedLoop }) =>
      launch.retry(recordId, confirmPossibleDuplicate, confirmUnboundedLoop),
  };
}
