import type { RunMode, RunSpeed, ShowRun } from '../../../shared/shows/run-state';
import type { ShowDraft, StoredShow } from '../../../shared/shows/show-schema';
import { EventBus } from '../../app/event-bus';
import { MemoryRecords } from '../../storage/memory-records';
import { limitClient, runInLane } from '../../tasks/ingest-client';
import { RateLimiter } from '../../tasks/rate-limiter';
import { delay, type Scheduler } from '../../tasks/scheduler';
import { FakeScheduler } from '../../tasks/test-support/fake-scheduler';
import { type RunRecord, runRecordSchema } from '../run-record';
import { ShowRunner } from '../show-runner';
import type { ControlsPort, LaunchOutcome, LaunchPort, LaunchRecordBrief } from '../shows-ports';

export const showStart = Date.UTC(2026, 11, 6, 20, 0, 0);

export function storedShow(draft: ShowDraft): StoredShow {
  return { ...draft, id: 'show-1', revision: 1, createdAt: '2026-12-06T10:00:00.000Z', updatedAt: '2026-12-06T10:00:00.000Z' };
}

/** A fake TRTC account: Starts arrive through the real limiter; each second's arrivals are counted as the API would. */
export class FakeAccount {
  readonly sent: { at: number; task: string; lane: string }[] = [];
  readonly calls: string[] = [];
  readonly records: LaunchRecordBrief[] = [];
  /** Outcome per task name (default started). */
  readonly outcomes = new Map<string, LaunchOutcome['state']>();
  /** When set, Starts never answer (a crash mid-fire). */
  hang = false;
  /** How long a Start takes to answer. */
  startMs = 0;
  readonly #client;
  #seq = 0;

  constructor(
    readonly scheduler: Scheduler,
    limiter: RateLimiter,
  ) {
    const account = this;
    this.#client = limitClient(
      {
        async startStreamIngest(task: string) {
          account.sent.push({ at: scheduler.now(), task, lane: 'background' });
          if (account.hang) await new Promise(() => undefined);
          if (account.startMs > 0) await delay(scheduler, account.startMs);
        },
      },
      'profile-1',
      limiter,
    );
  }

  /** The most Starts that arrived within any 1-second window. */
  peakPerSecond(): number {
    let peak = 0;
    for (const { at } of this.sent) peak = Math.max(peak, this.sent.filter((other) => other.at >= at && other.at < at + 1000).length);
    return peak;
  }

  launchPort(): LaunchPort {
    return {
      target: async (task, rehearsal) => ({
        sdkAppId: rehearsal ? 1400000001 : 1400000123,
        roomId: task.roomId ?? '1',
        userId: 'robot',
        live: !rehearsal,
      }),
      recordsSince: (since) => this.records.filter((record) => record.createdAt >= since),
      launch: async (task, rehearsal) => {
        const id = `rec-${++this.#seq}`;
        // Written before the Start, like the launch registry.
        this.records.push({
          id,
          state: 'pending',
          sdkAppId: rehearsal ? 1400000001 : 1400000123,
          roomId: task.roomId ?? '1',
          userId: 'robot',
          createdAt: this.scheduler.now(),
        });
        await this.#client.startStreamIngest(task.name);
        const state = this.outcomes.get(task.name) ?? 'started';
        const record = this.records.find((candidate) => candidate.id === id) as LaunchRecordBrief;
        record.state = state;
        return state === 'started'
          ? { state, recordId: id }
          : { state, recordId: id, error: { code: state === 'unknown' ? 'OUTCOME_UNKNOWN' : 'TRTC_API_ERROR', message: 'planted' } };
      },
    };
  }

  controls(): ControlsPort {
    const note = (what: string) => async () => {
      this.calls.push(what);
    };
    return {
      switchSource: async (id, source) => void this.calls.push(`switch ${id} ${source.kind === 'url' ? source.url : source.entryId}`),
      setVolume: async (id, volume) => void this.calls.push(`volume ${id} ${volume}`),
      setTempo: async (id, tempo) => void this.calls.push(`tempo ${id} ${tempo}`),
      pause: async (id) => note(`pause ${id}`)(),
      resume: async (id) => note(`resume ${id}`)(),
      stop: async (id) => note(`stop ${id}`)(),
    };
  }
}

/** A runner on a fake clock with a real limiter; `restart()` builds a new runner on the same run records, as after a crash. */
export function runnerKit(start = showStart - 60_000) {
  const scheduler = new FakeScheduler(start);
  let jump = 0;
  const clock: Scheduler = { now: () => scheduler.now() + jump, schedule: (delay, run) => scheduler.schedule(delay, run) };
  const limiter = new RateLimiter({ scheduler: clock });
  const account = new FakeAccount(clock, limiter);
  const runs = new MemoryRecords<RunRecord>(runRecordSchema);
  // A write of the run can take a while (a big show on a busy disk): `writeMs` makes each one take that long.
  const put = runs.put.bind(runs);
  runs.put = async (...records) => {
    if (kit.writeMs > 0) await delay(clock, kit.writeMs);
    return put(...records);
  };
  const events = new EventBus();
  const states: ShowRun[] = [];
  events.subscribe((event, payload) => {
    if (event === 'shows.run' && payload) states.push(payload as unknown as ShowRun);
  });
  let awake = 0;
  const build = () =>
    new ShowRunner({
      runs,
      scheduler: clock,
      events,
      launch: account.launchPort(),
      controls: account.controls(),
      keepAwake: {
        hold: () => {
          awake += 1;
          return () => {
            awake -= 1;
          };
        },
      },
      inLane: runInLane,
    });
  const kit = {
    writeMs: 0,
    scheduler,
    limiter,
    account,
    runs,
    states,
    runner: build(),
    awake: () => awake,
    /** Moves the wall clock without running timers (a sleep, or the clock set forward). */
    jumpClock: (ms: number) => {
      jump += ms;
    },
    async restart(downMs: number): Promise<ShowRunner> {
      kit.runner.close();
      kit.jumpClock(downMs);
      kit.runner = build();
      await kit.runner.restore();
      return kit.runner;
    },
    arm: (show: StoredShow, mode: RunMode = 'live', speed: RunSpeed = 1, override = false) => kit.runner.arm(show, mode, speed, override),
    cue: (cueId: string) => kit.runner.view()?.cues.find((cue) => cue.cueId === cueId),
  };
  return kit;
}
