import { describe, expect, it } from 'vitest';
import type { Cue, ShowDraft } from '../../shared/shows/show-schema';
import { settle } from '../tasks/test-support/fake-scheduler';
import { runnerKit, showStart, storedShow } from './test-support/runner-kit';
import { sampleShowDraft } from './test-support/sample-show';

const launchCue = (id: string, task: string, seconds = 0): Cue => ({
  id,
  trigger: { kind: 'offset', seconds },
  action: { kind: 'launch', task },
});

function show(cues: Cue[], tasks = ['A', 'B'], extra: Partial<ShowDraft> = {}) {
  return storedShow({
    ...sampleShowDraft('p1'),
    plannedStart: new Date(showStart).toISOString(),
    tasks: tasks.map((name) => ({ name, presetId: 'p1', roomId: `room-${name}` })),
    cues,
    ...extra,
  });
}

describe('ShowRunner on a fake clock', () => {
  it('fires offset cues on time, and an after cue counted from the previous cue finishing', async () => {
    const kit = runnerKit();
    await kit.arm(
      show([
        launchCue('c1', 'A', 0),
        { id: 'c2', trigger: { kind: 'after', seconds: 30 }, action: { kind: 'volume', task: 'A', volume: 40 } },
      ]),
    );
    expect(kit.awake()).toBe(1);
    await kit.scheduler.advance(59_999);
    expect(kit.account.sent).toEqual([]);
    await kit.scheduler.advance(1);
    expect(kit.account.sent.map((sent) => sent.at)).toEqual([showStart]);
    expect(kit.cue('c1')).toMatchObject({ state: 'done', lateMs: 0, target: 'live' });
    await kit.scheduler.advance(29_999);
    expect(kit.account.calls).toEqual([]);
    await kit.scheduler.advance(1);
    expect(kit.account.calls).toEqual(['volume rec-1 40']);
    expect(kit.cue('c2')).toMatchObject({ state: 'done', dueAt: showStart + 30_000, lateMs: 0 });
    expect(kit.runner.view()?.nextCueId).toBeNull();
  });

  it('fires a cue whose time came while the run was being written (not a second later)', async () => {
    const kit = runnerKit();
    kit.account.startMs = 993;
    await kit.arm(show([launchCue('a1', 'A', 0), launchCue('b1', 'B', 1)]));
    kit.writeMs = 5;
    // A's Start leaves at +5 ms (after the write) and answers at +998 ms; that tick's write ends at +1003 ms, after B was due.
    await kit.scheduler.advance(60_000 + 1010);
    expect(kit.cue('b1')).toMatchObject({ state: 'firing' });
    expect(kit.cue('b1')?.lateMs).toBeLessThan(10);
  });

  it('never sends a cue whose run could not be written first', async () => {
    const kit = runnerKit();
    await kit.arm(show([launchCue('a1', 'A', 0)]));
    kit.runs.put = async () => {
      throw new Error('disk full');
    };
    await kit.scheduler.advance(60_000);
    expect(kit.account.sent).toEqual([]);
    expect(kit.cue('a1')).toMatchObject({ state: 'failed', error: { code: 'STORE_UNAVAILABLE', message: 'disk full' } });
  });

  it('spreads 50 launch cues due at one second at the limiter pace, below 20 a second, in the background lane', async () => {
    const kit = runnerKit();
    const names = Array.from({ length: 50 }, (_, index) => `T${index}`);
    await kit.arm(
      show(
        names.map((name, index) => launchCue(`c${index}`, name)),
        names,
      ),
    );
    await kit.scheduler.advance(60_000);
    expect(kit.account.sent.length).toBeLessThan(50);
    // A producer's click during the burst takes the user lane's reserved tokens: answered before the queued launches.
    const askedAt = kit.scheduler.now();
    let answeredAt = 0;
    void kit.limiter.acquire('profile-1', 'StartStreamIngest', 'user').then((release) => {
      answeredAt = kit.scheduler.now();
      release();
    });
    await kit.scheduler.advance(10_000);
    expect(answeredAt - askedAt).toBeLessThanOrEqual(1050);
    expect(kit.account.sent).toHaveLength(50);
    expect(kit.account.peakPerSecond()).toBeLessThanOrEqual(19);
    const last = Math.max(...kit.account.sent.map((sent) => sent.at));
    expect(last - showStart).toBeGreaterThan(2000);
    expect(kit.runner.view()?.cues.every((cue) => cue.state === 'done')).toBe(true);
    // The page heard the burst in coalesced updates, not one per cue marked and one per answer.
    expect(kit.states.length).toBeLessThanOrEqual(10);
    expect(kit.states.at(-1)?.cues.every((cue) => cue.state === 'done')).toBe(true);
  });

  it('holds the cues on a task whose launch failed or is unknown, and fires them only when the producer says', async () => {
    const kit = runnerKit();
    kit.account.outcomes.set('A', 'failed');
    kit.account.outcomes.set('B', 'unknown');
    await kit.arm(
      show([
        launchCue('a1', 'A'),
        launchCue('b1', 'B'),
        { id: 'a2', trigger: { kind: 'offset', seconds: 10 }, action: { kind: 'volume', task: 'A', volume: 10 } },
        { id: 'b2', trigger: { kind: 'offset', seconds: 20 }, action: { kind: 'pause', task: 'B' } },
        { id: 'all', trigger: { kind: 'offset', seconds: 30 }, action: { kind: 'stopShow' } },
      ]),
    );
    await kit.scheduler.advance(60_000 + 40_000);
    expect(kit.cue('a1')).toMatchObject({ state: 'failed', error: { code: 'TRTC_API_ERROR' } });
    expect(kit.cue('b1')).toMatchObject({ state: 'unknown', error: { code: 'OUTCOME_UNKNOWN' } });
    expect(kit.cue('a2')).toMatchObject({ state: 'held', heldBy: 'A' });
    expect(kit.cue('b2')).toMatchObject({ state: 'held', heldBy: 'B' });
    expect(kit.cue('all')?.state).toBe('done');
    // Only two Starts: nothing was retried on its own.
    expect(kit.account.sent).toHaveLength(2);
    expect(kit.account.calls).toEqual([]);

    // The producer relaunches A: its held cue is now past its time, so it is missed (fire or skip), not sent.
    kit.account.outcomes.set('A', 'started');
    await kit.runner.fire('a1');
    expect(kit.cue('a1')?.state).toBe('done');
    expect(kit.cue('a2')).toMatchObject({ state: 'missed' });
    await kit.runner.fire('a2');
    expect(kit.account.calls).toEqual(['volume rec-3 10']);
  });

  it('after a crash: re-arms future cues, marks passed ones missed with their lateness, never relaunches a cue caught mid-fire', async () => {
    const kit = runnerKit();
    await kit.arm(
      show([
        launchCue('a1', 'A', 0),
        launchCue('b1', 'B', 60),
        { id: 'a2', trigger: { kind: 'offset', seconds: 120 }, action: { kind: 'volume', task: 'A', volume: 50 } },
        { id: 'a3', trigger: { kind: 'offset', seconds: 600 }, action: { kind: 'volume', task: 'A', volume: 70 } },
        { id: 'b2', trigger: { kind: 'offset', seconds: 610 }, action: { kind: 'stop', task: 'B' } },
      ]),
    );
    await kit.scheduler.advance(60_000);
    expect(kit.cue('a1')?.state).toBe('done');
    // B's Start leaves and the app dies before the answer: its launch record exists, pending.
    kit.account.hang = true;
    await kit.scheduler.advance(60_000);
    expect(kit.cue('b1')?.state).toBe('firing');
    expect(kit.account.sent).toHaveLength(2);

    kit.account.hang = false;
    await kit.restart(5 * 60_000);
    expect(kit.cue('a1')?.state).toBe('done');
    expect(kit.cue('b1')).toMatchObject({ state: 'unknown' });
    expect(kit.cue('a2')).toMatchObject({ state: 'missed', lateMs: 4 * 60_000 });
    expect(kit.cue('b2')).toMatchObject({ state: 'held', heldBy: 'B' });
    expect(kit.runner.view()?.recoveredAt).toBe(kit.scheduler.now() + 5 * 60_000);
    expect(kit.awake()).toBe(1);

    // The rest fires on time; the missed cue waits for the producer.
    await kit.scheduler.advance(600_000 - 60_000 - 5 * 60_000 - 1);
    expect(kit.account.calls).toEqual([]);
    await kit.scheduler.advance(1);
    expect(kit.account.calls).toEqual(['volume rec-1 70']);
    expect(kit.account.sent).toHaveLength(2);
    expect(kit.cue('a2')?.state).toBe('missed');
  });

  it('a cue whose launch record was never written (crash before the Start) is missed, not unknown', async () => {
    const kit = runnerKit();
    await kit.arm(show([launchCue('a1', 'A', 0)]));
    kit.account.hang = true;
    await kit.scheduler.advance(60_000);
    kit.account.records.length = 0;
    await kit.restart(1000);
    expect(kit.cue('a1')).toMatchObject({ state: 'missed' });
  });

  it('after a restart, a missed cue fired by hand leaves a later timed cue to fire on its own, whatever order the writes and answers come in', async () => {
    const kit = runnerKit();
    await kit.arm(
      show([launchCue('a1', 'A', 0), launchCue('b1', 'B', 0), launchCue('c1', 'C', 10), launchCue('d1', 'D', 35)], ['A', 'B', 'C', 'D']),
    );
    await kit.scheduler.advance(60_000);
    expect(kit.account.sent).toHaveLength(2);
    // Down 17 s: c1 (at 10 s) is missed, d1 (at 35 s) waits; the wall clock is now 17 s ahead of the timers.
    await kit.restart(17_000);
    expect(kit.runner.view()?.cues.map((cue) => cue.state)).toEqual(['done', 'done', 'missed', 'waiting']);

    // From here each write of the run is committed only when the test says, and c1's Start takes 16 s.
    const gates: (() => void)[] = [];
    const put = kit.runs.put;
    kit.runs.put = (...records) => new Promise((resolve, reject) => gates.push(() => void put(...records).then(resolve, reject)));
    const commit = async () => {
      gates.shift()?.();
      await settle();
    };
    kit.account.startMs = 16_000;

    const fired = kit.runner.fire('c1');
    await settle();
    // A gap watcher's recover ticks while the producer's write is still on its way.
    const recovered = kit.runner.recover();
    await commit();
    await commit();
    await recovered;
    // c1 answers 2 s before d1 is due; the tick after that answer is still writing 1 s after d1's time came.
    await kit.scheduler.advance(16_000);
    expect(kit.cue('c1')?.state).toBe('done');
    await kit.scheduler.advance(3_000);
    expect(kit.cue('d1')?.state).toBe('waiting');
    await commit();
    await fired;
    await kit.scheduler.advance(0);
    expect(kit.cue('d1')?.state).toBe('firing');
    await commit();
    await kit.scheduler.advance(16_000);
    expect(kit.cue('d1')).toMatchObject({ state: 'done', lateMs: 1_000 });
    expect(kit.account.sent.map((sent) => sent.task)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('treats a clock jump or a sleep like a restart: the cues it skipped over are missed, not fired late', async () => {
    const kit = runnerKit();
    await kit.arm(
      show([
        launchCue('a1', 'A', 0),
        { id: 'a2', trigger: { kind: 'offset', seconds: 30 }, action: { kind: 'volume', task: 'A', volume: 30 } },
        { id: 'a3', trigger: { kind: 'offset', seconds: 300 }, action: { kind: 'volume', task: 'A', volume: 90 } },
      ]),
    );
    await kit.scheduler.advance(60_000);
    kit.jumpClock(120_000);
    await kit.scheduler.advance(30_000);
    expect(kit.cue('a2')).toMatchObject({ state: 'missed' });
    expect(kit.cue('a2')?.lateMs).toBeGreaterThanOrEqual(120_000);
    expect(kit.account.calls).toEqual([]);
    await kit.runner.recover();
    await kit.scheduler.advance(300_000 - 150_000);
    expect(kit.account.calls).toEqual(['volume rec-1 90']);
  });

  it('rehearses at x60: a minute of the sheet passes in a second, standing still until Go', async () => {
    const kit = runnerKit(Date.UTC(2026, 11, 6, 9));
    await kit.arm(
      show([launchCue('a1', 'A', 0), launchCue('b1', 'B', 600), { id: 'go', trigger: { kind: 'go' }, action: { kind: 'stopShow' } }]),
      'rehearsal',
      60,
    );
    await kit.scheduler.advance(60_000);
    expect(kit.account.sent).toEqual([]);
    await kit.runner.go();
    await kit.scheduler.advance(1);
    expect(kit.cue('a1')).toMatchObject({ state: 'done', target: 'sandbox' });
    await kit.scheduler.advance(9_999);
    expect(kit.cue('b1')?.state).toBe('done');
    expect(kit.cue('go')?.state).toBe('standby');
    await kit.runner.go();
    expect(kit.account.calls.sort()).toEqual(['stop rec-1', 'stop rec-2']);
    await kit.runner.disarm(false);
    expect(kit.awake()).toBe(0);
  });

  it('keeps the last 20 ended runs and lets go of older ones', async () => {
    const kit = runnerKit();
    for (let index = 0; index < 25; index++) {
      await kit.arm(show([launchCue('a1', 'A', 3600)]));
      await kit.runner.disarm(false);
    }
    await kit.arm(show([launchCue('a1', 'A', 3600)]));
    expect(kit.runs.values().filter((run) => run.state === 'ended')).toHaveLength(20);
    expect(kit.runs.values().filter((run) => run.state !== 'ended')).toHaveLength(1);
  });

  it('skips a cue, and jumps: the cues before it still to fire are skipped and it fires now', async () => {
    const kit = runnerKit();
    await kit.arm(
      show([
        launchCue('a1', 'A', 0),
        { id: 'v1', trigger: { kind: 'offset', seconds: 60 }, action: { kind: 'volume', task: 'A', volume: 10 } },
        { id: 'v2', trigger: { kind: 'after', seconds: 5 }, action: { kind: 'volume', task: 'A', volume: 20 } },
        { id: 'p1', trigger: { kind: 'go' }, action: { kind: 'pause', task: 'A' } },
        { id: 'v3', trigger: { kind: 'offset', seconds: 600 }, action: { kind: 'volume', task: 'A', volume: 30 } },
      ]),
    );
    await kit.scheduler.advance(60_000);
    await kit.runner.skip('v1');
    expect(kit.cue('v1')?.state).toBe('skipped');
    // An after cue counts from the skip.
    await kit.scheduler.advance(5_000);
    expect(kit.account.calls).toEqual(['volume rec-1 20']);
    await kit.runner.jump('v3');
    expect(kit.runner.view()?.cues.map((cue) => [cue.cueId, cue.state])).toEqual([
      ['a1', 'done'],
      ['v1', 'skipped'],
      ['v2', 'done'],
      ['p1', 'skipped'],
      ['v3', 'done'],
    ]);
    expect(kit.account.calls).toEqual(['volume rec-1 20', 'volume rec-1 30']);
    await expect(kit.runner.fire('v3')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(kit.runner.skip('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('hold stops the show clock and resume carries on from there', async () => {
    const kit = runnerKit();
    await kit.arm(show([launchCue('a1', 'A', 0), launchCue('b1', 'B', 60)]));
    await kit.scheduler.advance(60_000 + 30_000);
    await kit.runner.hold();
    await kit.scheduler.advance(120_000);
    expect(kit.cue('b1')?.state).toBe('waiting');
    await kit.runner.resume();
    await kit.scheduler.advance(29_999);
    expect(kit.cue('b1')?.state).toBe('waiting');
    await kit.scheduler.advance(1);
    expect(kit.cue('b1')).toMatchObject({ state: 'done', lateMs: 0 });
  });
});
