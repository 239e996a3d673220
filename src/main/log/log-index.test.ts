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
  // Offsets are fake here: this tests the filters; task-log.test.ts reads lines back by offset.
  for (const item of entries) index.add(item, 'task-log-000001.jsonl', item.seq * 1000, 500);
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

const seqs = (filter: LogFilter) => index.query(filter, 0, 100).locations.map((location) => location.seq);

describe('LogIndex filters', () => {
  it('lists everything newest first with the total', () => {
    expect(index.query({}, 0, 2)).toMatchObject({ total: 5, locations: [{ seq: 5, offset: 5000, length: 500 }, { seq: 4 }] });
    expect(index.query({}, 3, 10).locations.map((location) => location.seq)).toEqual([2, 1]);
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
    folded.applyRepeat(1, { v: 1, type: 'repeat', of: 'id-1', seq: 2, at: at(30), requestId: 'req-late', latencyMs: 5 });
    folded.applyRepeat(1, { v: 1, type: 'repeat', of: 'id-1', seq: 3, at: at(29), requestId: 'req-last', latencyMs: 6 });
    expect(folded.query({}, 0, 10).locations[0]?.repeat).toEqual({ count: 3, lastAt: at(29), lastRequestId: 'req-last', lastLatencyMs: 6 });
    expect(folded.query({ from: at(20) }, 0, 10).total).toBe(1);
    expect(folded.query({ text: 'req-late' }, 0, 10).total).toBe(1);
    expect(folded.query({ from: at(31) }, 0, 10).total).toBe(0);
  });

  it('finds a call by the RequestId of any repeat folded into it, and no other', () => {
    const folded = indexOf([entry(1, { taskId: 'task-f' }), entry(2, { taskId: 'task-g' })]);
    folded.applyRepeat(1, { v: 1, type: 'repeat', of: 'id-1', seq: 3, at: at(30), requestId: 'REQ-Middle', latencyMs: 5 });
    folded.applyRepeat(1, { v: 1, type: 'repeat', of: 'id-1', seq: 4, at: at(31), requestId: 'req-end', latencyMs: 5 });
    expect(folded.query({ text: 'req-middle' }, 0, 10).locations.map((location) => location.seq)).toEqual([1]);
    // A needle across two RequestIds matches neither.
    expect(folded.query({ text: 'middlereq' }, 0, 10).total).toBe(0);
    expect(folded.query({ text: 'req-2' }, 0, 10).locations.map((location) => location.seq)).toEqual([2]);
    expect(folded.applyRepeat(9, { v: 1, type: 'repeat', of: 'id-9', seq: 5, at: at(32), latencyMs: 5 })).toBe(false);
  });

  it('drops a file as a whole, with its folded rows, and keeps the others in order', () => {
    const split = new LogIndex();
    split.add(entry(1, { taskId: 'task-a' }), 'task-log-000001.jsonl', 0, 10);
    split.add(entry(2), 'task-log-000001.jsonl', 11, 10);
    split.add(entry(3), 'task-log-000002.jsonl', 0, 10);
    split.applyRepeat(1, { v: 1, type: 'repeat', of: 'id-1', seq: 4, at: at(4), requestId: 'req-folded', latencyMs: 5 });
    expect(split.dropFile('task-log-000001.jsonl')).toBe(2);
    expect(split.size).toBe(1);
    expect(split.query({}, 0, 10).locations).toEqual([{ file: 'task-log-000002.jsonl', offset: 0, length: 10, seq: 3 }]);
    expect(split.query({ text: 'req-folded' }, 0, 10).total).toBe(0);
    expect(split.candidates('id-1')).toEqual([]);
    expect(split.candidates('id-3').map((location) => location.seq)).toEqual([3]);
  });

  it('offers the apps and rooms seen as filter choices', () => {
    expect(index.facets()).toEqual({ sdkAppIds: [1400000001, 1400000002], roomIds: ['1234', 'studio b'] });
  });
});
