import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredShow } from '../../shared/shows/show-schema';
import { EventBus } from '../app/event-bus';
import { testStores } from '../db/test-support/test-database';
import { FakeScheduler } from '../tasks/test-support/fake-scheduler';
import { AutoPreflight } from './auto-preflight';
import { showsDocument } from './show-document';
import { ShowLibrary } from './show-library';
import { ShowService } from './show-service';
import type { PreflightPort } from './shows-ports';
import { watchForGaps } from './sleep-watch';
import { runnerKit, showStart } from './test-support/runner-kit';
import { sampleShowDraft } from './test-support/sample-show';

const presets = { find: (id: string) => (id === 'p1' ? { id, name: 'Lobby loop' } : null), findByName: () => null };

const checks: PreflightPort = {
  rateBudget: { perWindow: 17, windowMs: 1050 },
  preset: (id) =>
    id === 'p1'
      ? {
          id,
          name: 'Lobby loop',
          sdkAppId: 1400000123,
          roomId: '1',
          userId: 'robot',
          media: { kind: 'url', url: 'https://x.example.com/a.mp4' },
          repeatNum: 1,
          maxDuration: null,
        }
      : null,
  app: () => ({ profileId: 'real', sandbox: false }),
  sandboxApp: () => ({ sdkAppId: 1400000001, tasksAtOnce: 10 }),
  mediaUrl: () => null,
  probe: async () => ({ ok: true, detail: null }),
  testApp: async () => ({ ok: true, verdict: 'valid' }),
  tickets: async () => null,
  runningRobots: () => [],
};

async function serviceKit() {
  const kit = runnerKit();
  const dataDir = await mkdtemp(join(tmpdir(), 'show-service-'));
  const events = new EventBus();
  const library = new ShowLibrary({
    document: await testStores(dataDir, kit.scheduler).open(showsDocument),
    presets,
    events,
    clock: kit.scheduler,
  });
  const faults: string[] = [];
  const service = new ShowService({
    library,
    runner: kit.runner,
    scheduler: kit.scheduler,
    events,
    presets,
    preflight: checks,
    faults: {
      set: async (action, rule) => {
        faults.push(`${action}=${JSON.stringify(rule)}`);
        return {};
      },
      clear: async () => void faults.push('clear'),
    },
  });
  return { kit, library, service, faults };
}

describe('ShowService', () => {
  it('refuses to arm a show with a blocking pre-flight problem unless overridden', async () => {
    const { library, service } = await serviceKit();
    const draft = sampleShowDraft('p1', { plannedStart: new Date(showStart).toISOString() });
    const show = await library.save({
      ...draft,
      cues: [...draft.cues, { id: 'x', trigger: { kind: 'go' }, action: { kind: 'pause', task: 'Nobody' } }],
    });
    await expect(service.arm(show.id, 'live', undefined, { override: false, confirmLive: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { state: 'preflightBlocking' },
    });
    expect(service.lastPreflight(show.id)?.problems).toEqual([
      { severity: 'blocking', code: 'unknownTask', cueId: 'x', task: 'Nobody', fix: 'addTaskOrRename' },
    ]);
    const run = await service.arm(show.id, 'live', undefined, { override: true, confirmLive: true });
    expect(run).toMatchObject({ showId: show.id, overridden: true, mode: 'live', clock: { speed: 1 } });
  });

  it('arms a show that launches into a live app only with confirmLive; its rehearsal (all sandbox) needs none', async () => {
    const { library, service, kit } = await serviceKit();
    const show = await library.save(sampleShowDraft('p1', { plannedStart: new Date(showStart).toISOString() }));
    await expect(service.arm(show.id, 'live', undefined, { override: false, confirmLive: false })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { guard: 'liveConfirm' },
    });
    expect(kit.runner.view()).toBeNull();
    const rehearsal = await service.arm(show.id, 'rehearsal', 60, { override: false, confirmLive: false });
    expect(rehearsal).toMatchObject({ showId: show.id, mode: 'rehearsal' });
    await service.disarm(show.id, false);
    const live = await service.arm(show.id, 'live', undefined, { override: false, confirmLive: true });
    expect(live).toMatchObject({ showId: show.id, mode: 'live' });
  });

  it('switches sandbox faults only while rehearsing, and clears them when the rehearsal ends', async () => {
    const { library, service, faults } = await serviceKit();
    const show = await library.save(sampleShowDraft('p1', { plannedStart: new Date(showStart).toISOString() }));
    await service.arm(show.id, 'live', undefined, { override: false, confirmLive: true });
    await expect(service.setFault(show.id, 'StartStreamIngest', { failure: 'http-503' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await service.disarm(show.id, false);
    await service.arm(show.id, 'rehearsal', 10, { override: false, confirmLive: false });
    await service.setFault(show.id, 'StartStreamIngest', { failure: 'http-503' });
    await expect(service.setFault('another', '*', null)).rejects.toMatchObject({ code: 'CONFLICT' });
    await service.disarm(show.id, false);
    expect(faults).toEqual(['StartStreamIngest={"failure":"http-503"}', 'clear']);
  });
});

describe('the event loop gap watch', () => {
  it('tells of a gap (a sleep, or the clock set forward or back) and not of ordinary ticks', async () => {
    const scheduler = new FakeScheduler();
    let offset = 0;
    const clock = { now: () => scheduler.now() + offset, schedule: scheduler.schedule.bind(scheduler) };
    const gaps: number[] = [];
    const stop = watchForGaps(clock, (gap) => gaps.push(gap));
    await scheduler.advance(60_000);
    expect(gaps).toEqual([]);
    offset += 3_600_000;
    await scheduler.advance(1000);
    expect(gaps).toEqual([3_600_000]);
    offset -= 60_000;
    await scheduler.advance(1000);
    expect(gaps).toHaveLength(2);
    stop();
    offset += 3_600_000;
    await scheduler.advance(5000);
    expect(gaps).toHaveLength(2);
  });
});

describe('the automatic pre-flight', () => {
  it('runs once, lead minutes before the first timed cue, and again after an edit', async () => {
    const scheduler = new FakeScheduler(showStart - 2 * 3600_000);
    const ran: string[] = [];
    const auto = new AutoPreflight(scheduler, async (show) => void ran.push(`${show.id}@${show.revision}`));
    const show = {
      ...sampleShowDraft('p1', { plannedStart: new Date(showStart).toISOString(), preflightLeadMinutes: 15 }),
      id: 's',
      revision: 1,
      createdAt: '',
      updatedAt: '',
    } as StoredShow;
    auto.plan([show]);
    await scheduler.advance(105 * 60_000 - 1);
    expect(ran).toEqual([]);
    await scheduler.advance(1);
    expect(ran).toEqual(['s@1']);
    auto.plan([show]);
    auto.plan([{ ...show, revision: 2 }]);
    await scheduler.advance(1);
    expect(ran).toEqual(['s@1', 's@2']);
    auto.close();
  });
});
