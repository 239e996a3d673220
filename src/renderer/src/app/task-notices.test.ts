import { describe, expect, it } from 'vitest';
import type { LiveTask } from '../../../shared/contract/tasks';
import { noticeForTask } from './task-notices';

const running: LiveTask = {
  id: 't1',
  origin: 'launch',
  taskId: 'task-1',
  sdkAppId: 1400000001,
  profileId: 'p',
  roomIdType: 1,
  roomId: '1234',
  label: 'Morning show',
  streamUrl: 'https://media.example.com/a.mp4',
  status: 'running',
  startedAt: 0,
  paused: false,
  pausedSince: null,
  pausedTotalMs: 0,
  volume: 100,
  tempo: 1,
  enableProgress: false,
  repeatNum: 1,
  maxDurationMinutes: null,
  mediaSeconds: null,
  scheduledStopAt: null,
  lastCheckedAt: null,
  lastError: null,
};
const problem = { code: 'InternalError', message: 'try later', at: 5 };

describe('task notices', () => {
  it('tells a task that ended by itself or by a scheduled stop, not one the user stopped', () => {
    expect(noticeForTask(running, { ...running, status: 'ended', endReason: 'not-exist' })).toMatchObject({
      kind: 'ended',
      label: 'Morning show',
      room: '1234',
    });
    expect(noticeForTask(running, { ...running, status: 'ended', endReason: 'scheduled' })?.kind).toBe('scheduled');
    expect(noticeForTask(running, { ...running, status: 'ended', endReason: 'stopped' })).toBeNull();
  });

  it('tells a launch that became unknown, and a call that started failing, once', () => {
    const launching: LiveTask = { ...running, status: 'launching' };
    expect(noticeForTask(launching, { ...launching, status: 'unknown' })?.kind).toBe('unknown');
    const failing = { ...running, lastError: problem };
    expect(noticeForTask(running, failing)).toMatchObject({ kind: 'problem', code: 'InternalError' });
    // The same error again (a poll backing off) is not a new happening.
    expect(noticeForTask(failing, { ...failing, lastError: { ...problem, at: 9 } })).toBeNull();
  });

  it('says nothing about a task first seen (a page opened later) or a change that is no happening', () => {
    expect(noticeForTask(undefined, { ...running, status: 'ended', endReason: 'not-exist' })).toBeNull();
    expect(noticeForTask(running, { ...running, volume: 50 })).toBeNull();
    const ended: LiveTask = { ...running, status: 'ended', endReason: 'not-exist' };
    expect(noticeForTask(ended, { ...ended, lastCheckedAt: 10 })).toBeNull();
  });
});
