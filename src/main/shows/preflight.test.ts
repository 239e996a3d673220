import { describe, expect, it } from 'vitest';
import type { Cue } from '../../shared/shows/show-schema';
import { preflight } from './preflight';
import { spreadCalls } from './rate-budget';
import type { PreflightPort, PresetFacts } from './shows-ports';
import { showStart, storedShow } from './test-support/runner-kit';
import { sampleShowDraft } from './test-support/sample-show';

const preset = (id: string, patch: Partial<PresetFacts> = {}): PresetFacts => ({
  id,
  name: id,
  sdkAppId: 1400000123,
  roomId: '1',
  userId: 'robot',
  media: { kind: 'url', url: `https://media.example.com/${id}.mp4` },
  repeatNum: 1,
  maxDuration: null,
  ...patch,
});

function port(patch: Partial<PreflightPort> = {}): PreflightPort & { ticketsMade: string[] } {
  const ticketsMade: string[] = [];
  return {
    ticketsMade,
    rateBudget: { perWindow: 17, windowMs: 1050 },
    preset: (id) => ({ p1: preset('p1'), loop: preset('loop', { repeatNum: -1, userId: 'looper' }) })[id] ?? null,
    app: (sdkAppId) =>
      sdkAppId === 1400000123 ? { profileId: 'real', sandbox: false } : sdkAppId === 1400000001 ? { profileId: 'sb', sandbox: true } : null,
    sandboxApp: () => ({ sdkAppId: 1400000001, tasksAtOnce: 10 }),
    mediaUrl: (entryId) => (entryId === 'e1' ? 'https://media.example.com/e1.mp4' : null),
    probe: async (url) => ({ ok: !url.includes('down'), detail: url.includes('down') ? 'ENOTFOUND' : null }),
    testApp: async () => ({ ok: true, verdict: 'valid' }),
    tickets: async (presetId, target) => {
      ticketsMade.push(`${presetId}@${target.sdkAppId}/${target.roomId}`);
      return null;
    },
    runningRobots: () => [],
    ...patch,
  };
}

const launch = (id: string, task: string, seconds = 0): Cue => ({
  id,
  trigger: { kind: 'offset', seconds },
  action: { kind: 'launch', task },
});
const start = new Date(showStart).toISOString();

describe('pre-flight', () => {
  it('passes a sound show, making every ticket and estimating billed minutes', async () => {
    const show = storedShow({
      ...sampleShowDraft('p1'),
      plannedStart: start,
      cues: [
        launch('c1', 'Lobby 8001'),
        launch('c2', 'Lobby 8002', 60),
        { id: 'end', trigger: { kind: 'offset', seconds: 600 }, action: { kind: 'stopShow' } },
      ],
    });
    const checks = port();
    const report = await preflight(show, 'live', checks, showStart - 3600_000, 'manual');
    expect(report.problems).toEqual([]);
    expect(report.blocking).toBe(false);
    expect(checks.ticketsMade.sort()).toEqual(['p1@1400000123/8001', 'p1@1400000123/8002']);
    expect(report.estimate).toEqual({
      totalMinutes: 10 + 9,
      perTask: [
        { task: 'Lobby 8001', minutes: 10, live: true },
        { task: 'Lobby 8002', minutes: 9, live: true },
      ],
      openEnded: [],
    });
    expect(report.cueTargets).toEqual({ c1: 'live', c2: 'live', end: 'live' });
  });

  it('warns of a robot already in the room of a task, by a task running on the board (outside the show), and of no other', async () => {
    const show = storedShow({
      ...sampleShowDraft('p1'),
      plannedStart: start,
      cues: [launch('c1', 'Lobby 8001'), launch('c2', 'Lobby 8002', 60)],
    });
    const checks = port({
      runningRobots: () => [
        { sdkAppId: 1400000123, roomId: '8001', userId: 'robot', label: 'Morning loop' },
        // Another robot in the same room, and the same robot in another app: no conflict.
        { sdkAppId: 1400000123, roomId: '8002', userId: 'someone_else', label: 'Guest' },
        { sdkAppId: 1400000999, roomId: '8002', userId: 'robot', label: 'Elsewhere' },
      ],
    });
    const report = await preflight(show, 'live', checks, showStart - 3600_000, 'manual');
    expect(report.problems).toEqual([
      {
        severity: 'warning',
        code: 'robotAlreadyInRoom',
        task: 'Lobby 8001',
        params: { running: 'Morning loop', roomId: '8001', userId: 'robot' },
        fix: 'stopRunningOrChangeRobot',
      },
    ]);
    expect(report.blocking).toBe(false);
  });

  it('warns a rehearsal that would run more tasks at once than the sandbox allows, counting stops in sheet order; a live run is not warned', async () => {
    const names = Array.from({ length: 12 }, (_, index) => `T${index + 1}`);
    const show = storedShow({
      ...sampleShowDraft('p1'),
      plannedStart: start,
      tasks: names.map((name, index) => ({ name, presetId: 'p1', roomId: String(100 + index) })),
      cues: [
        // Ten running, two stopped (one by task, one by room), then two more: never more than ten at once.
        ...names.slice(0, 10).map((name, index) => launch(`a${index}`, name, index)),
        { id: 's1', trigger: { kind: 'offset', seconds: 20 }, action: { kind: 'stop', task: 'T1' } },
        { id: 's2', trigger: { kind: 'offset', seconds: 21 }, action: { kind: 'stopRoom', roomId: '101' } },
        launch('a10', 'T11', 30),
        launch('a11', 'T12', 31),
      ],
    });
    const atTen = await preflight(show, 'rehearsal', port(), showStart - 3600_000, 'manual');
    expect(atTen.problems.filter((problem) => problem.code === 'sandboxTooManyTasks')).toEqual([]);

    const withoutStops = storedShow({ ...show, cues: show.cues.filter((cue) => !cue.id.startsWith('s')) });
    const rehearsal = await preflight(withoutStops, 'rehearsal', port(), showStart - 3600_000, 'manual');
    expect(rehearsal.problems.filter((problem) => problem.code === 'sandboxTooManyTasks')).toEqual([
      { severity: 'warning', code: 'sandboxTooManyTasks', params: { peak: 12, limit: 10 }, fix: 'rehearseFewerTasks' },
    ]);
    const live = await preflight(withoutStops, 'live', port(), showStart - 3600_000, 'manual');
    expect(live.problems.some((problem) => problem.code === 'sandboxTooManyTasks')).toBe(false);
  });

  it('finds the planted problems, each with its cue or task and a fix', async () => {
    const show = storedShow({
      ...sampleShowDraft('p1'),
      plannedStart: start,
      tasks: [
        { name: 'A', presetId: 'p1', roomId: '9' },
        { name: 'B', presetId: 'p1', roomId: '9' },
        { name: 'Gone', presetId: 'nope' },
        { name: 'Loop', presetId: 'loop' },
      ],
      cues: [
        launch('a', 'A'),
        launch('b', 'B'),
        launch('loop', 'Loop'),
        { id: 'v1', trigger: { kind: 'offset', seconds: 10 }, action: { kind: 'volume', task: 'A', volume: 10 } },
        { id: 'v2', trigger: { kind: 'after', seconds: 0 }, action: { kind: 'volume', task: 'A', volume: 20 } },
        { id: 'ghost', trigger: { kind: 'offset', seconds: 20 }, action: { kind: 'pause', task: 'Nobody' } },
        { id: 'early', trigger: { kind: 'offset', seconds: 30 }, action: { kind: 'pause', task: 'Gone' } },
        {
          id: 'sw',
          trigger: { kind: 'offset', seconds: 40 },
          action: { kind: 'switchSource', task: 'A', source: { kind: 'url', url: 'https://down.example.com/x.mp4' } },
        },
        {
          id: 'sw2',
          trigger: { kind: 'offset', seconds: 50 },
          action: { kind: 'switchSource', task: 'B', source: { kind: 'entry', entryId: 'deleted' } },
        },
      ],
    });
    const report = await preflight(
      show,
      'live',
      port({ testApp: async () => ({ ok: false, verdict: 'auth-failed' }) }),
      showStart + 15_000,
      'manual',
    );
    const found = report.problems.map(({ severity, code, cueId, task }) => [severity, code, cueId ?? task]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['blocking', 'unknownTask', 'ghost'],
        ['blocking', 'taskNeverLaunched', 'early'],
        ['warning', 'sameSecondOnTask', 'v2'],
        ['blocking', 'unknownPreset', 'Gone'],
        ['blocking', 'robotTwiceInRoom', 'B'],
        ['warning', 'sourceUnreachable', 'sw'],
        ['blocking', 'unknownMediaEntry', 'sw2'],
        ['blocking', 'accountFailed', 'A'],
        ['warning', 'cueInPast', 'a'],
        ['warning', 'noEnd', 'Loop'],
      ]),
    );
    expect(report.blocking).toBe(true);
    expect(report.problems.every((problem) => problem.fix.length > 0)).toBe(true);
  });

  it('checks a rehearsal against the built-in sandbox, not the presets’ accounts', async () => {
    const show = storedShow({ ...sampleShowDraft('p1'), plannedStart: start, cues: [launch('c1', 'Lobby 8001')] });
    const checks = port({ app: (sdkAppId) => (sdkAppId === 1400000001 ? { profileId: 'sb', sandbox: true } : null) });
    const report = await preflight(show, 'rehearsal', checks, showStart + 3600_000, 'manual');
    expect(report.problems.map((problem) => problem.code)).toEqual([]);
    expect(checks.ticketsMade.sort()).toEqual(['p1@1400000001/8001', 'p1@1400000001/8002']);
    expect(report.cueTargets).toEqual({ c1: 'sandbox' });
  });

  it('reports how much a burst of 50 launches at one second is spread, per account', async () => {
    const names = Array.from({ length: 50 }, (_, index) => `T${index}`);
    const show = storedShow({
      ...sampleShowDraft('p1'),
      plannedStart: start,
      tasks: names.map((name, index) => ({ name, presetId: 'p1', roomId: `r${index}` })),
      cues: names.map((name, index) => launch(`c${index}`, name)),
    });
    const report = await preflight(show, 'live', port(), showStart - 60_000, 'manual');
    // 17 a window leave the first 17 on time; the last waits two windows.
    expect(report.delays).toHaveLength(33);
    expect(Math.max(...report.delays.map((delay) => delay.delayMs))).toBe(2100);
    expect(report.problems).toEqual([
      { severity: 'warning', code: 'rateSpread', params: { cues: 33, maxDelayMs: 2100 }, fix: 'spreadCues' },
    ]);
  });

  it('spreads per bucket: two accounts at the same second do not delay each other', () => {
    const calls = Array.from({ length: 34 }, (_, index) => ({ cueId: `c${index}`, bucket: index % 2 === 0 ? 'a' : 'b', at: 0 }));
    expect(spreadCalls(calls, { perWindow: 17, windowMs: 1050 })).toEqual([]);
  });
});
