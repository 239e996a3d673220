import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callLine, entryOf, repeatLine } from './log-entries';
import { readEntries } from './log-lines';
import { readLogFile } from './log-reader';
import { callRecord } from './test-records';

const file = 'task-log-000001.jsonl';
const at = (i: number) => new Date(Date.UTC(2026, 10, 27, 12, 0, i)).toISOString();

/** The reader goes through a file a chunk (256 KiB) at a time: lines cross chunk ends, some are longer than a chunk. */
describe('readLogFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'log-reader-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const entry = (seq: number, notes: string) =>
    entryOf(
      callRecord({ at: at(seq), taskId: `task-${seq}`, requestId: `req-${seq}`, params: { TaskId: `task-${seq}`, Notes: notes } }),
      `id-${seq}`,
      seq,
    );

  it('indexes every line of a file several chunks long, at the right offsets, lines longer than a chunk included', async () => {
    const lines: string[] = [];
    // Lengths that put line ends everywhere relative to the chunk size, and two lines of 300 KiB and 700 KiB.
    for (let seq = 1; seq <= 1200; seq++) {
      const size = seq === 400 ? 300 * 1024 : seq === 900 ? 700 * 1024 : 200 + ((seq * 397) % 1500);
      lines.push(JSON.stringify(callLine(entry(seq, 'é'.repeat(size / 2)))));
    }
    const text = `${lines.join('\n')}\n`;
    await writeFile(join(dir, file), text);

    const read = await readLogFile(dir, file);
    expect(read.index.size).toBe(1200);
    expect(read.skipped).toEqual([]);
    expect(read.bytes).toBe(Buffer.byteLength(text));
    expect(read.endsTorn).toBe(false);
    expect(read.maxSeq).toBe(1200);

    const { locations, total } = read.index.query({}, 0, 1200);
    expect(total).toBe(1200);
    const moved: string[] = [];
    const back = await readEntries(dir, locations, (name) => moved.push(name));
    // Every line was where the index said (no search by sequence number was needed).
    expect(moved).toEqual([]);
    expect(back.map((found) => found?.seq)).toEqual(locations.map((location) => location.seq));
    expect(back.find((found) => found?.seq === 900)?.params).toEqual({ TaskId: 'task-900', Notes: 'é'.repeat(350 * 1024) });
    // Text search reaches a line that crossed chunk ends.
    expect(read.index.query({ text: 'REQ-401' }, 0, 10).total).toBe(1);
  });

  it('notes a torn last line, folds repeat lines into their call, and skips an orphan repeat', async () => {
    const first = entry(1, 'a');
    const lines = [
      JSON.stringify(callLine(first)),
      JSON.stringify(repeatLine({ ...first, seq: 2, at: at(2), requestId: 'req-2' }, 'id-1')),
      JSON.stringify(repeatLine({ ...first, seq: 3, at: at(3), requestId: 'req-3' }, 'id-unknown')),
      '',
      JSON.stringify(callLine(entry(4, 'b'))),
      '{"v":1,"type":"call","id":"id-5","se',
    ];
    await writeFile(join(dir, file), lines.join('\n'));

    const read = await readLogFile(dir, file);
    expect(read.index.size).toBe(2);
    expect(read.endsTorn).toBe(true);
    expect(read.skipped).toEqual([
      { file, line: 3, reason: 'orphan-repeat' },
      { file, line: 6, reason: 'torn' },
    ]);
    const [newest, oldest] = read.index.query({}, 0, 10).locations;
    expect(newest?.seq).toBe(4);
    expect(oldest?.repeat).toMatchObject({ count: 2, lastRequestId: 'req-2' });
  });
});
