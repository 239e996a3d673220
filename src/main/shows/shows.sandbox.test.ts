/**
 * A show through the real stack: createAppServices on a temp dir, the built-in sandbox behind the
 * official SDK over loopback HTTP, the real limiter, launch records, board and task log. Rehearsed at
 * x60, so its three minutes take three seconds.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveTask } from '../../shared/contract/tasks';
import type { PreflightReport } from '../../shared/shows/preflight';
import type { ShowRun } from '../../shared/shows/run-state';
import type { StoredShow } from '../../shared/shows/show-schema';
import { sampleDraft } from '../../shared/test-support/samples';
import { type AppServices, createAppServices } from '../app/create-services';
import { MemorySecretStore } from '../secrets/memory-store';

let services: AppServices | undefined;
afterEach(async () => {
  await services?.close();
  services = undefined;
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await (services as AppServices).dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function eventually(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('a show on the real stack', () => {
  it('rehearses 3 launches, a volume change and stop-all at x60 on the built-in sandbox', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'shows-stack-'));
    services = await createAppServices({ dataDir, secrets: new MemorySecretStore(), transport: 'browser', samples: false, warn: () => {} });
    const preset = await call<{ id: string }>('presets.create', { draft: sampleDraft({ name: 'Lobby loop', sdkAppId: 1400000999 }) });
    const draft = {
      name: 'Friday rehearsal',
      plannedStart: '2026-12-06T20:00:00Z',
      preflightLeadMinutes: 0,
      notes: '',
      tasks: ['8001', '8002', '8003'].map((room) => ({ name: `Lobby ${room}`, presetId: preset.id, roomId: room })),
      cues: [
        { id: 'c1', trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Lobby 8001' } },
        { id: 'c2', trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Lobby 8002' } },
        { id: 'c3', trigger: { kind: 'offset', seconds: 60 }, action: { kind: 'launch', task: 'Lobby 8003' } },
        { id: 'c4', trigger: { kind: 'after', seconds: 30 }, action: { kind: 'volume', task: 'Lobby 8001', volume: 60 } },
        { id: 'c5', trigger: { kind: 'offset', seconds: 180 }, action: { kind: 'stopShow' } },
      ],
    };
    const show = await call<StoredShow>('shows.save', { draft });

    // Live, the preset's app (not set up) blocks arming; the rehearsal goes to the sandbox instead.
    const live = await call<PreflightReport>('shows.preflight', { id: show.id });
    expect(live.problems.filter((problem) => problem.severity === 'blocking').map((problem) => problem.code)).toContain('unknownApp');
    const refused = await services.dispatch('shows.arm', { id: show.id, mode: 'live' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { state: 'preflightBlocking' } } });
    const rehearsal = await call<PreflightReport>('shows.preflight', { id: show.id, mode: 'rehearsal' });
    expect(rehearsal.blocking).toBe(false);
    expect(Object.values(rehearsal.cueTargets)).toEqual(['sandbox', 'sandbox', 'sandbox', 'sandbox', 'sandbox']);
    expect(rehearsal.estimate.totalMinutes).toBe(3 + 3 + 2);

    const runs: ShowRun[] = [];
    services.events.subscribe((event, payload) => {
      if (event === 'shows.run' && payload) runs.push(payload as unknown as ShowRun);
    });
    await call<ShowRun>('shows.arm', { id: show.id, mode: 'rehearsal', speed: 60 });
    const began = Date.now();
    await call<ShowRun>('shows.go', { id: show.id });
    await eventually(async () => (await call<ShowRun>('shows.run', {})).cues.every((cue) => cue.state === 'done'), 'every cue done');
    const elapsed = Date.now() - began;
    expect(elapsed).toBeGreaterThanOrEqual(2900);
    expect(elapsed).toBeLessThan(10_000);

    const run = await call<ShowRun>('shows.run', {});
    expect(run.cues.map((cue) => [cue.cueId, cue.state, cue.target])).toEqual([
      ['c1', 'done', 'sandbox'],
      ['c2', 'done', 'sandbox'],
      ['c3', 'done', 'sandbox'],
      ['c4', 'done', 'sandbox'],
      ['c5', 'done', 'sandbox'],
    ]);
    // The board: three sandbox tasks, the first at volume 60, all stopped by the last cue.
    const board = await call<LiveTask[]>('tasks.list', {});
    expect(board.map((task) => [task.roomId, task.status, task.sdkAppId]).sort()).toEqual([
      ['8001', 'ended', 1400000001],
      ['8002', 'ended', 1400000001],
      ['8003', 'ended', 1400000001],
    ]);
    expect(board.find((task) => task.roomId === '8001')?.volume).toBe(60);
    expect(Object.keys(run.taskIds).sort()).toEqual(['Lobby 8001', 'Lobby 8002', 'Lobby 8003']);

    // Every call went through the log; none was refused by the sandbox's own rate limit.
    const log = await call<{ rows: { action: string; errorCode?: string; show?: { id: string; cueId: string } }[] }>('log.query', {
      filter: {},
      offset: 0,
      limit: 500,
    });
    expect(log.rows.filter((entry) => entry.action === 'StartStreamIngest')).toHaveLength(3);
    // Each cue's calls are logged with the show and cue named, and found by the show's name.
    const tagged = log.rows.filter((entry) => entry.show?.id === show.id).map((entry) => `${entry.action} ${entry.show?.cueId}`);
    expect(tagged.sort()).toEqual([
      'StartStreamIngest c1',
      'StartStreamIngest c2',
      'StartStreamIngest c3',
      'StopStreamIngest c5',
      'StopStreamIngest c5',
      'StopStreamIngest c5',
      'UpdateStreamIngest c4',
    ]);
    const found = await call<{ total: number }>('log.query', { filter: { text: 'Friday rehearsal' }, offset: 0, limit: 50 });
    expect(found.total).toBe(7);
    expect(log.rows.filter((entry) => entry.errorCode?.startsWith('RequestLimitExceeded'))).toEqual([]);
    expect(runs.length).toBeGreaterThan(5);

    const ended = await call<ShowRun>('shows.disarm', { id: show.id });
    expect(ended.state).toBe('ended');
  });

  it('after a restart mid-rehearsal: no launch twice, the cue that passed while down is missed, the rest on time', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'shows-restart-'));
    const open = () => createAppServices({ dataDir, secrets, transport: 'browser', samples: false, warn: () => {} });
    const secrets = new MemorySecretStore();
    services = await open();
    const preset = await call<{ id: string }>('presets.create', { draft: sampleDraft({ name: 'Lobby loop' }) });
    const show = await call<StoredShow>('shows.save', {
      draft: {
        name: 'Restart rehearsal',
        plannedStart: '2026-12-06T20:00:00Z',
        preflightLeadMinutes: 0,
        notes: '',
        tasks: ['8101', '8102', '8103'].map((room) => ({ name: `Room ${room}`, presetId: preset.id, roomId: room })),
        cues: [
          { id: 'a', trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Room 8101' } },
          // 60 s of show time is 1 s at x60: it passes while the app is down.
          { id: 'b', trigger: { kind: 'offset', seconds: 60 }, action: { kind: 'launch', task: 'Room 8102' } },
          // Far enough ahead to come after the restart.
          { id: 'c', trigger: { kind: 'offset', seconds: 900 }, action: { kind: 'launch', task: 'Room 8103' } },
        ],
      },
    });
    await call('shows.arm', { id: show.id, mode: 'rehearsal', speed: 60 });
    await call('shows.go', { id: show.id });
    await eventually(async () => (await call<ShowRun>('shows.run', {})).cues[0]?.state === 'done', 'the first launch');
    // Quit (the run stays armed on disk), and stay down past the missed-cue threshold (5 s).
    await services.close();
    services = undefined;
    await new Promise((resolve) => setTimeout(resolve, 8000));
    services = await open();

    const restored = await call<ShowRun>('shows.run', {});
    expect(restored.recoveredAt).toBeDefined();
    expect(restored.cues.map((cue) => [cue.cueId, cue.state])).toEqual([
      ['a', 'done'],
      ['b', 'missed'],
      ['c', 'waiting'],
    ]);
    expect(restored.cues[1]?.lateMs).toBeGreaterThan(5 * 60_000);
    await eventually(async () => (await call<ShowRun>('shows.run', {})).cues[2]?.state === 'done', 'the cue after the restart', 20_000);
    // On time: less than a real second late (60 s of show time at x60).
    expect((await call<ShowRun>('shows.run', {})).cues[2]?.lateMs).toBeLessThan(60_000);
    // Exactly two Starts: the first was not sent again, the missed one waits for the producer.
    const starts = await call<{ state: string; roomId: string }[]>('launch.tasks', {});
    expect(starts.map((record) => record.roomId).sort()).toEqual(['8101', '8103']);
    await call('shows.disarm', { id: show.id, stopTasks: true });
  });
});
