import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LogFilter, LogPage, LogStatus } from '../../../../shared/contract/log';
import { installTransport } from '../../api/client';
import { createFakeTransport, type FakeTransport } from '../../api/test-support/fake-transport';
import { createTypedPatches, toIso } from './log-filter';
import { pageSize, useLogStore } from './log-store';

const status: LogStatus = {
  entries: 500,
  files: 1,
  bytes: 1,
  newestSeq: 500,
  skipped: 0,
  skippedLines: [],
  writeError: null,
  pending: 0,
  indexing: false,
  unsynced: 0,
  retention: { maxFiles: 10, maxAgeDays: 30 },
};

/** Main's log: `total` tells which filter an answer was for (rows are not needed for these rules). */
function logAnswering(totalFor: (filter: LogFilter) => number | Promise<number>): FakeTransport {
  return createFakeTransport({
    'log.status': () => status,
    'log.query': async ({ filter, offset }): Promise<LogPage> => ({
      rows: [],
      total: await totalFor(filter),
      offset,
      newestSeq: 500,
      complete: true,
    }),
  });
}

const queries = (fake: FakeTransport) => fake.inputsOf('log.query') as { filter: LogFilter; offset: number; limit: number }[];
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => useLogStore.setState(useLogStore.getInitialState(), true));
afterEach(() => installTransport(null));

describe('the log filters', () => {
  it('merge each change into the filter, drop empty conditions, and ask for the first page of the result', async () => {
    const fake = logAnswering((filter) => (filter.roomId ? 3 : 500));
    installTransport(fake);
    useLogStore.getState().setFilter({ roomId: '1001', actions: ['StartStreamIngest'] });
    useLogStore.getState().setFilter({ actions: [], text: '' });
    await settled();
    expect(useLogStore.getState().filter).toEqual({ roomId: '1001' });
    expect(queries(fake).at(-1)).toEqual({ filter: { roomId: '1001' }, offset: 0, limit: pageSize });
    expect(useLogStore.getState()).toMatchObject({ total: 3, status: { entries: 500 }, error: null });
  });

  it("keep the newest filter's answer when an older one arrives late", async () => {
    let releaseOld!: (total: number) => void;
    const fake = logAnswering((filter) =>
      filter.text === 'old'
        ? new Promise<number>((resolve) => {
            releaseOld = resolve;
          })
        : 7,
    );
    installTransport(fake);
    useLogStore.getState().setFilter({ text: 'old' });
    useLogStore.getState().setFilter({ text: 'new' });
    await settled();
    releaseOld(999);
    await settled();
    expect(useLogStore.getState()).toMatchObject({ filter: { text: 'new' }, total: 7 });
  });

  it('reset drops every condition, the task history included', async () => {
    const fake = logAnswering(() => 1);
    installTransport(fake);
    useLogStore.getState().setFilter({ taskId: 'task-1', outcomes: ['ok'] });
    useLogStore.getState().replaceFilter({});
    await settled();
    expect(useLogStore.getState().filter).toEqual({});
    expect(queries(fake).at(-1)?.filter).toEqual({});
  });

  it('apply what was typed in two boxes within one pause together, and nothing after a reset', async () => {
    const fake = logAnswering(() => 1);
    installTransport(fake);
    const typed = createTypedPatches((patch) => useLogStore.getState().setFilter(patch));
    typed.add({ roomId: '1001' });
    typed.add({ text: 'timeout' });
    typed.flush();
    expect(useLogStore.getState().filter).toEqual({ roomId: '1001', text: 'timeout' });
    typed.add({ roomId: '2002' });
    typed.clear();
    typed.flush();
    expect(useLogStore.getState().filter).toEqual({ roomId: '1001', text: 'timeout' });
  });

  it('read a date box as local time and send an instant the contract accepts', async () => {
    const fake = logAnswering(() => 1);
    installTransport(fake);
    expect(toIso('')).toBeUndefined();
    expect(toIso('not a date')).toBeUndefined();
    const from = toIso('2026-11-27T11:00');
    expect(from).toBe(new Date(2026, 10, 27, 11, 0).toISOString());
    useLogStore.getState().setFilter({ from });
    await settled();
    expect(useLogStore.getState().error).toBeNull();
    expect(queries(fake).at(-1)?.filter).toEqual({ from });
  });
});
