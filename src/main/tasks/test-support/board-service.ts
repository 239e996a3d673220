import { FakeScheduler } from '../fake-scheduler';
import type { LaunchRecordView } from '../launch-records';
import { RateLimiter } from '../rate-limiter';
import { TasksService } from '../tasks-service';
import { memoryStore } from './board';
import { FakeIngest } from './fake-ingest';

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
    records: { list: () => records },
    launchItem: async () => {
      throw new Error('unused');
    },
    profileOfApp: async () => 'p1',
    mediaUrl: async () => options.mediaUrl ?? '',
    random: () => 0.5,
  });
  return { scheduler, ingest, service, ...board };
}
