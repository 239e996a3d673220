import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventMap, EventName } from '../../../shared/contract';
import type { Clock } from '../../app/clock';
import { EventBus } from '../../app/event-bus';
import { testStores } from '../../db/test-support/test-database';
import { StoreProblems } from '../../storage/store-problems';
import { mediaDocument } from '../media-document';
import { MediaService, type MediaServiceDeps } from '../media-service';

/** A clock the test moves by hand. */
export function fakeClock(start = Date.UTC(2026, 10, 27, 12, 0, 0)): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

/** A media service over a fresh data dir, with every event it emits recorded. */
export async function openMediaService(overrides: Partial<MediaServiceDeps> = {}, dataDir?: string) {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'media-service-')));
  const clock = overrides.clock ?? fakeClock();
  const problems = new StoreProblems();
  // With the import, as the app opens it: a media.json left in `dataDir` is read once.
  const document = await testStores(dir, clock, problems, [mediaDocument]).open(mediaDocument);
  const events = new EventBus();
  const seen: { event: EventName; payload: EventMap[EventName] }[] = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  const service = new MediaService({ document, events, clock, ...overrides });
  return { service, dataDir: dir, clock, problems, events: seen, document };
}
