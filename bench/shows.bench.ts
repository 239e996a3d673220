/**
 * Shows (issue 23): cue lateness of a 200-task show across three accounts, a burst of 50 launch cues
 * at one second (send rate, RequestLimitExceeded, a producer's launch click during it), the board's
 * polling of 200 running tasks against the Describe budget, and memory and CPU of a 12-hour show on a
 * fake clock and of an idle armed show. Prints figures; asserts only that the work was done.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { startRequest } from '../src/main/sandbox/test-support/fixture';
import { watchForGaps } from '../src/main/shows/sleep-watch';
import { limitedClients } from '../src/main/tasks/ingest-client';
import { RateLimiter } from '../src/main/tasks/rate-limiter';
import { systemScheduler } from '../src/main/tasks/scheduler';
import { TaskMonitor } from '../src/main/tasks/task-monitor';
import { memoryStore, runningTask } from '../src/main/tasks/test-support/board';
import { FakeIngest } from '../src/main/tasks/test-support/fake-ingest';
import { FakeScheduler } from '../src/main/tasks/test-support/fake-scheduler';
import type { Cue } from '../src/shared/shows/show-schema';
import { type Figure, report, summarise } from './report';
import { benchShow, percentile, startShowBench } from './support/show-kit';
import { fakeShowRunner } from './support/show-sim';

const figures: Figure[] = [];
const single = (name: string, unit: string, value: number, target?: string) => summarise(name, unit, [value], target);
const launch = (index: number, seconds: number): Cue => ({
  id: `l${index}`,
  trigger: { kind: 'offset', seconds },
  action: { kind: 'launch', task: `T${index}#${index % 3}` },
});
const tasksOf = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ name: `T${index}#${index % 3}`, presetId: 'p', roomId: String(30_000 + index) }));
const waitFor = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
};

function settledHeapMiB(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

test('200-task show across three accounts: lateness of cues the limiter does not hold', async () => {
  const kit = await startShowBench(systemScheduler);
  try {
    // 10 launches a second for 20 s (3 to 4 per account), then 20 volume changes a second for 10 s: under the 17/s share.
    const start = Math.ceil((Date.now() + 2000) / 1000) * 1000;
    const cues: Cue[] = [
      ...Array.from({ length: 200 }, (_, index) => launch(index, Math.floor(index / 10))),
      ...Array.from(
        { length: 200 },
        (_, index): Cue => ({
          id: `v${index}`,
          trigger: { kind: 'offset', seconds: 20 + Math.floor(index / 20) },
          action: { kind: 'volume', task: `T${index}#${index % 3}`, volume: 50 },
        }),
      ),
    ];
    await kit.runner.arm(benchShow({ plannedStart: new Date(start).toISOString(), tasks: tasksOf(200), cues }), 'live', 1, false);
    await waitFor(() => kit.runner.view()?.cues.every((cue) => cue.state === 'done' || cue.state === 'failed') ?? false);
    const view = kit.runner.view();
    expect(view?.cues.filter((cue) => cue.state === 'done')).toHaveLength(400);
    const lateness = (view?.cues ?? []).map((cue) => cue.lateMs ?? 0);
    figures.push(summarise('cue lateness, 400 cues of a 200-task show, 3 accounts (p50 / p95)', 'ms', lateness, 'p99 <= 100 ms'));
    figures.push(single('cue lateness p99', 'ms', percentile(lateness, 0.99), '<= 100 ms'));
    figures.push(
      single(
        'RequestLimitExceeded from the sandbox',
        'count',
        kit.sandbox.requests().filter((entry) => entry.errorCode?.startsWith('RequestLimitExceeded')).length,
        '0',
      ),
    );
  } finally {
    await kit.close();
  }
});

test('50 launch cues at one second: send rate, RequestLimitExceeded, a launch click during the burst', async () => {
  const kit = await startShowBench(systemScheduler);
  try {
    const start = Math.ceil((Date.now() + 2000) / 1000) * 1000;
    const cues = Array.from({ length: 50 }, (_, index): Cue => ({ ...launch(index * 3, 0) }));
    await kit.runner.arm(benchShow({ plannedStart: new Date(start).toISOString(), tasks: tasksOf(150), cues }), 'live', 1, false);
    await waitFor(() => Date.now() >= start + 300);
    const clickAt = performance.now();
    await kit
      .limitedOf(0)
      ?.startStreamIngest(startRequest({ RoomId: '99999', StreamUrl: 'https://media.example.com/clip.mp4#duration=600' }), 'launch');
    const click = performance.now() - clickAt;
    await waitFor(() => kit.runner.view()?.cues.every((cue) => cue.state !== 'waiting' && cue.state !== 'firing') ?? false);
    const starts = kit.sent.filter((call) => call.action === 'Start').map((call) => call.at);
    expect(starts).toHaveLength(51);
    const spanS = (Math.max(...starts) - Math.min(...starts)) / 1000;
    figures.push(single('burst: 50 launch cues + 1 click sent over', 's', spanS));
    const peak = Math.max(...starts.map((at) => starts.filter((other) => other >= at && other < at + 1000).length));
    figures.push(single('burst: most Starts sent within any 1 s', 'count', peak, '<= 20'));
    figures.push(
      single(
        'burst: RequestLimitExceeded from the sandbox',
        'count',
        kit.sandbox.requests().filter((entry) => entry.errorCode?.startsWith('RequestLimitExceeded')).length,
        '0',
      ),
    );
    figures.push(single('burst: launch click (user lane) answered in', 'ms', click, '<= 1000 ms'));
    figures.push(single('burst: cues done', 'count', kit.runner.view()?.cues.filter((cue) => cue.state === 'done').length ?? 0, '50'));
  } finally {
    await kit.close();
  }
});

test('board polling of 200 running tasks against the Describe budget (fake clock, real limiter)', async () => {
  const scheduler = new FakeScheduler();
  const ingest = new FakeIngest(scheduler);
  const board = memoryStore();
  for (let index = 0; index < 200; index++) {
    const task = runningTask({ profileId: 'account-0' });
    await board.store.put(task);
    if (task.taskId) ingest.run(task.sdkAppId, task.taskId);
  }
  const monitor = new TaskMonitor({
    store: board.store,
    clients: limitedClients(ingest, new RateLimiter({ scheduler })),
    scheduler,
    random: Math.random,
  });
  monitor.start();
  await scheduler.advance(60_000);
  const ages: number[] = [];
  const from = ingest.callsOf('DescribeStreamIngest').length;
  for (let second = 0; second < 600; second++) {
    await scheduler.advance(1000);
    for (const task of board.store.list()) ages.push((scheduler.now() - (task.lastCheckedAt ?? 0)) / 1000);
  }
  const rate = (ingest.callsOf('DescribeStreamIngest').length - from) / 600;
  monitor.close();
  figures.push(single('board: Describes sent per second, 200 tasks, one account', '/s', rate, '<= 17/s (the background share)'));
  figures.push(summarise('board: status age (now − lastCheckedAt), sampled each second (p50 / p95)', 's', ages));
});

test('12-hour show on a fake clock: heap and CPU; an idle armed show on the real clock', async () => {
  const sim = fakeShowRunner(new FakeScheduler(Date.UTC(2026, 11, 6, 8)));
  const cues: Cue[] = [...Array.from({ length: 200 }, (_, index) => launch(index, index))];
  for (let at = 300; at < 12 * 3600; at += 30)
    cues.push({
      id: `v${at}`,
      trigger: { kind: 'offset', seconds: at },
      action: { kind: 'volume', task: `T${(at / 30) % 200}#${((at / 30) % 200) % 3}`, volume: at % 200 },
    });
  cues.push({ id: 'end', trigger: { kind: 'offset', seconds: 12 * 3600 }, action: { kind: 'stopShow' } });
  const show = benchShow({ plannedStart: new Date(Date.UTC(2026, 11, 6, 9)).toISOString(), tasks: tasksOf(200), cues });
  const heapBefore = settledHeapMiB();
  const cpuBefore = process.cpuUsage();
  await sim.runner.arm(show, 'live', 1, false);
  const heapArmed = settledHeapMiB();
  await sim.scheduler.advance(13 * 3600_000);
  const cpu = process.cpuUsage(cpuBefore);
  const heapAfter = settledHeapMiB();
  expect(sim.runner.view()?.cues.every((cue) => cue.state === 'done')).toBe(true);
  figures.push(single(`12-hour show (${cues.length} cues, 200 tasks): heap after arming − before`, 'MiB', heapArmed - heapBefore));
  figures.push(single('12-hour show: heap after the show − after arming', 'MiB', heapAfter - heapArmed, '<= 5 MiB (no growth with time)'));
  figures.push(single('12-hour show: CPU time to simulate it', 'ms', (cpu.user + cpu.system) / 1000));
  figures.push(single('12-hour show: run writes (one before and one after each cue)', 'count', sim.runs.writes));

  // Idle: 200 tasks launched, the next cue an hour away, the gap watch ticking; CPU over 10 s.
  const idle = fakeShowRunner(systemScheduler);
  const idleCues = [
    ...Array.from({ length: 200 }, (_, index) => launch(index, 0)),
    { id: 'later', trigger: { kind: 'offset', seconds: 3600 }, action: { kind: 'stopShow' } } as Cue,
  ];
  await idle.runner.arm(
    benchShow({ plannedStart: new Date(Date.now() + 500).toISOString(), tasks: tasksOf(200), cues: idleCues }),
    'live',
    1,
    false,
  );
  await waitFor(() => idle.runner.view()?.cues.filter((cue) => cue.state === 'done').length === 200);
  const baselineFrom = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const baseline = process.cpuUsage(baselineFrom);
  const stopWatch = watchForGaps(systemScheduler, () => undefined);
  const idleFrom = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const idleCpu = process.cpuUsage(idleFrom);
  stopWatch();
  idle.runner.close();
  figures.push(
    single(
      'bench process, show armed but before the gap watch (baseline): CPU per second',
      'ms/s',
      (baseline.user + baseline.system) / 1000 / 10,
    ),
  );
  figures.push(
    single(
      'armed show idle, 200 tasks, gap watch on: CPU per second (runner only, no board polls)',
      'ms/s',
      (idleCpu.user + idleCpu.system) / 1000 / 10,
    ),
  );
  report('shows', figures);
});
