import { describe, expect, it } from 'vitest';
import type { LogEntry, LogFilter } from '../../shared/contract/log';
import { LogIndex } from './log-index';
import { callRecord } from './test-records';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 27, 12, minutes)).toISOString();

function entry(seq: number, overrides: Partial<LogEntry> = {}): LogEntry {
  return { ...callRecord(), id: `id-${seq}`, seq, at: at(seq), requestId: `req-${seq}`, ...overrides };
}

function indexOf(entries: LogEntry[]): LogIndex {
  const index = new LogIndex();
  for (const item of entries) index.add(item, 'task-log-000001.jsonl');
  return index;
}

const index = indexOf([
  entry(1, {
    action: 'StartStreamIngest',
    sdkAppId: 1400000001,
    roomId: '1234',
    taskId: 'task-a',
    params: { StreamUrl: 'https://media.example/a.mp4' },
  }),
  entry(2, { action: 'DescribeStreamIngest', sdkAppId: 1400000001, roomId: '1234', taskId: 'task-a' }),
  entry(3, {
    action: 'StartStreamIngest',
    sdkAppId: 1400000002,
    roomId: 'studio b',
    taskId: undefined,
    outcome: 'api-error',
    errorCode: 'InvalidParameter.StreamUrl',
    errorMessage: 'StreamUrl is not reachable',
  }),
  entry(4, { action: 'StopStreamIngest', sdkAppId: 1400000001, roomId: '1234', taskId: 'task-a', outcome: 'unknown' }),
  entry(5, { action: 'UpdateStreamIngest', sdkAppId: 1400000002, roomId: 'studio b', taskId: 'task-b', outcome: 'not-sent' }),
]);

const seqs = (filter: LogFilter) => index.query(filter, 0, 100).rows.map((row) => row.seq);

describe('LogIndex filters', () => {
  it('lists everything newest first with the total', () => {
    expect(index.query({}, 0, 2)).toMatchObject({ total: 5, rows: [{ seq: 5 }, { seq: 4 }] });
    expect(index.query({}, 3, 10).rows.map((row) => row.seq)).toEqual([2, 1]);
  });

  it.each<[string, LogFilter, number[]]>([
    ['app', { sdkAppId: 1400000002 }, [5, 3]],
    ['room', { roomId: '1234' }, [4, 2, 1]],
    ['room with a space', { roomId: 'studio b' }, [5, 3]],
    ['one action', { actions: ['StartStreamIngest'] }, [3, 1]],
    ['two actions', { actions: ['StopStreamIngest', 'UpdateStreamIngest'] }, [5, 4]],
    ['outcome', { outcomes: ['api-error'] }, [3]],
    ['outcomes', { outcomes: ['unknown', 'not-sent'] }, [5, 4]],
    ['from', { from: at(4) }, [5, 4]],
    ['to', { to: at(2) }, [2, 1]],
    ['range', { from: at(2), to: at(3) }, [3, 2]],
    ['text in a TaskId', { text: 'TASK-B' }, [5]],
    ['text in a RequestId', { text: 'req-3' }, [3]],
    ['text in an error code', { text: 'invalidparameter.streamurl' }, [3]],
    ['text in an error message', { text: 'not reachable' }, [3]],
    ['text in the parameters', { text: 'media.example/a.mp4' }, [1]],
    ['text in the response', { text: 'inprogress' }, [5, 4, 3, 2, 1]],
    ['a task history', { taskId: 'task-a' }, [4, 2, 1]],
    ['combined', { sdkAppId: 1400000001, actions: ['StartStreamIngest', 'StopStreamIngest'], outcomes: ['unknown'] }, [4]],
    ['nothing', { text: 'no such thing' }, []],
  ])('filters by %s', (_name, filter, expected) => {
    expect(seqs(filter)).toEqual(expected);
    expect(index.query(filter, 0, 1).total).toBe(expected.length);
  });

  it('matches a folded row by any time it covers', () => {
    const folded = indexOf([entry(1, { taskId: 'task-f' })]);
    folded.applyRepeat({ v: 1, type: 'repeat', of: 'id-1', seq: 2, at: at(30), requestId: 'req-late', latencyMs: 5 });
    expect(folded.query({ from: at(20) }, 0, 10).total).toBe(1);
    expect(folded.query({ text: 'req-late' }, 0, 10).total).toBe(1);
    expect(folded.query({ from: at(31) }, 0, 10).total).toBe(0);
  });

  it('offers the apps and rooms seen as filter choices', () => {
    expect(index.facets()).toEqual({ sdkAppIds: [1400000001, 1400000002], roomIds: ['1234', 'studio b'] });
  });
});
