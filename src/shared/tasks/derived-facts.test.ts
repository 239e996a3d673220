import { describe, expect, it } from 'vitest';
import type { LiveTask } from '../contract/tasks';
import { derivedFacts, maxPauseMs } from './derived-facts';

const start = Date.UTC(2026, 10, 27, 10, 0, 0);
const base: LiveTask = {
  id: 't',
  origin: 'launch',
  taskId: 'x',
  sdkAppId: 1,
  profileId: 'p',
  roomIdType: 1,
  roomId: '1',
  label: 'l',
  streamUrl: 'u',
  status: 'running',
  startedAt: start,
  paused: false,
  pausedSince: null,
  pausedTotalMs: 0,
  volume: 100,
  tempo: 1,
  enableProgress: false,
  repeatNum: 3,
  maxDurationMinutes: null,
  mediaSeconds: 600,
  scheduledStopAt: null,
  lastCheckedAt: null,
  lastError: null,
};

describe('derivedFacts', () => {
  it('expects the end at media length x repeats / tempo, later by the time spent paused', () => {
    expect(derivedFacts(base, start + 60_000)).toMatchObject({ elapsedMs: 60_000, expectedEndAt: start + 1_800_000 });
    expect(derivedFacts({ ...base, tempo: 2 }, start).expectedEndAt).toBe(start + 900_000);
    const paused = { ...base, paused: true, pausedSince: start + 60_000, pausedTotalMs: 5_000 };
    const facts = derivedFacts(paused, start + 120_000);
    expect(facts.pausedMs).toBe(65_000);
    expect(facts.expectedEndAt).toBe(start + 1_800_000 + 65_000);
    expect(facts.destroyedIfStillPausedAt).toBe(start + 60_000 + maxPauseMs);
  });

  it('uses MaxDuration for an endless loop, and says nothing when it cannot know', () => {
    expect(derivedFacts({ ...base, repeatNum: -1, maxDurationMinutes: 90 }, start).expectedEndAt).toBe(start + 90 * 60_000);
    expect(derivedFacts({ ...base, repeatNum: -1, maxDurationMinutes: null }, start).expectedEndAt).toBeNull();
    expect(derivedFacts({ ...base, mediaSeconds: null }, start).expectedEndAt).toBeNull();
    expect(derivedFacts({ ...base, origin: 'adopted' }, start).expectedEndAt).toBeNull();
  });

  it('stops the elapsed clock when the task ended', () => {
    const over = { ...base, status: 'ended' as const, endReason: 'not-exist' as const, endedAt: start + 30_000 };
    expect(derivedFacts(over, start + 999_999)).toMatchObject({ elapsedMs: 30_000, expectedEndAt: null });
  });
});
