import { EventBus } from '../../src/main/app/event-bus';
import { type RunRecord, runRecordSchema } from '../../src/main/shows/run-record';
import { ShowRunner } from '../../src/main/shows/show-runner';
import { MemoryRecords } from '../../src/main/storage/memory-records';
import type { Scheduler } from '../../src/main/tasks/scheduler';

/** A runner whose launches and controls answer at once: the runner's own cost, with no network. */
export function fakeShowRunner<S extends Scheduler>(scheduler: S) {
  const runs = new MemoryRecords<RunRecord>(runRecordSchema);
  let seq = 0;
  const ok = async () => undefined;
  const runner = new ShowRunner({
    runs,
    scheduler,
    events: new EventBus(),
    launch: {
      target: async (task) => ({ sdkAppId: 1400000001, roomId: task.roomId ?? '1', userId: 'robot', live: true }),
      launch: async () => ({ state: 'started', recordId: `r${++seq}` }),
      recordsSince: () => [],
    },
    controls: { switchSource: ok, setVolume: ok, setTempo: ok, pause: ok, resume: ok, stop: ok },
    keepAwake: { hold: () => () => undefined },
    inLane: (_lane, work) => work(),
  });
  return { runner, runs, scheduler };
}
