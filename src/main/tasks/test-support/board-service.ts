import type { LaunchRecordView } from '../launch-records';
import { RateLimiter } from '../rate-limiter';
import { TasksService, type TasksServiceDeps } from '../tasks-service';
import { memoryStore } from './board';
import { FakeIngest } from './fake-ingest';
import { FakeScheduler } from './fake-scheduler';

/**
 * The board's neighbours for a test that has none: no launch records, nothing launched, every app
 * in one account, a library that answers `mediaUrl` for every entry.
 */
export function noNeighbours(
  options: { profileId?: string; mediaUrl?: string } = {},
): Pick<TasksServiceDeps, 'records' | 'launchItem' | 'itemIsLive' | 'profileOfApp' | 'mediaUrl'> {
  return {
    records: { list: () => [] },
    launchItem: async () => {
      throw new Error('this test launches nothing');
    },
    itemIsLive: async () => false,
    profileOfApp: async () => options.profileId ?? 'p1',
    mediaUrl: async () => options.mediaUrl ?? '',
  };
}

/**
 * The task board's service on a fake clock, an in-memory board and the fake TRTC calls, wired as the
 * app wires it (one shared limiter); not started. Unit tests of the engine put tasks or launch records
 * in, then call `start()`.
 */
export function boardService(options: { records?: LaunchRecordView[]; mediaUrl?: string } = {}) {
  const scheduler = new FakeScheduler();
  const ingest = new FakeIngest(scheduler);
  const board = memoryStore();
  const records = options.records ?? [];
  const service = new TasksService({
    store: board.store,
    events: board.events,
    scheduler,
    limiter: new RateLimiter({ scheduler }),
    clients: ingest,
    ...noNeighbours(options.mediaUrl === undefined ? {} : { mediaUrl: options.mediaUrl }),
    records: { list: () => records },
    random: () => 0.5,
  });
  return { scheduler, ingest, service, ...board };
}
