import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import { showDraftSchema } from '../../shared/shows/show-schema';
import { EventBus } from '../app/event-bus';
import { testStores } from '../db/test-support/test-database';
import { showsDocument } from './show-document';
import { ShowLibrary } from './show-library';
import type { PresetsPort } from './shows-ports';
import { sampleShowDraft } from './test-support/sample-show';

const presets: PresetsPort = {
  find: (id) => (id === 'p1' ? { id: 'p1', name: 'Lobby loop' } : null),
  findByName: (name) => (name === 'Lobby loop' ? { id: 'p1', name } : null),
};

describe('ShowLibrary', () => {
  let dataDir: string;
  let changes: number;
  const clock = { now: () => Date.UTC(2026, 11, 6, 12) };

  const open = async () => {
    const events = new EventBus();
    events.subscribe((event) => {
      if (event === 'shows.changed') changes += 1;
    });
    return new ShowLibrary({ document: await testStores(dataDir, clock).open(showsDocument), presets, events, clock });
  };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'shows-'));
    changes = 0;
  });

  it('saves, lists, reopens after a restart, duplicates and removes', async () => {
    const library = await open();
    const saved = await library.save(sampleShowDraft('p1'));
    expect(saved.revision).toBe(1);
    const copy = await library.duplicate(saved.id);
    expect(copy.name).toBe('Friday night (copy)');
    expect(changes).toBe(2);

    const reopened = await open();
    expect(reopened.list().map((show) => [show.name, show.cueCount, show.taskCount])).toEqual([
      ['Friday night', 4, 2],
      ['Friday night (copy)', 4, 2],
    ]);
    expect(await reopened.remove(copy.id)).toEqual({ removed: true });
    expect(() => reopened.get(copy.id)).toThrow(AppError);
    expect((await open()).list().map((show) => show.id)).toEqual([saved.id]);
  });

  it('refuses a save of a stale revision and tells the current one', async () => {
    const library = await open();
    const saved = await library.save(sampleShowDraft('p1'));
    const edited = await library.save({ ...sampleShowDraft('p1'), name: 'Edited', plannedStart: undefined }, saved.id, 1);
    expect(edited).toMatchObject({ revision: 2, name: 'Edited' });
    expect(edited.plannedStart).toBeUndefined();
    const stale = library.save(sampleShowDraft('p1'), saved.id, 1);
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { id: saved.id },
      message: expect.stringContaining('revision 2'),
    });
    expect(library.get(saved.id).name).toBe('Edited');
  });

  it('round-trips JSON, finding the preset by name when its id is not here', async () => {
    const library = await open();
    const saved = await library.save(sampleShowDraft('p1'));
    const { json } = library.exportJson([saved.id]);
    const moved = json.replaceAll('"presetId": "p1"', '"presetId": "elsewhere"');
    const report = await library.importJson(moved);
    expect(report.rejected).toEqual([]);
    const imported = library.get(report.imported[0]?.id ?? '');
    expect(imported.tasks.map((task) => task.presetId)).toEqual(['p1', 'p1']);
    expect(imported.cues).toEqual(saved.cues);
  });

  it('rejects bad imports with readable problems per show and cue', async () => {
    const library = await open();
    const good = sampleShowDraft('p1');
    const bad = {
      ...sampleShowDraft('p1'),
      cues: [{ id: 'x', trigger: { kind: 'offset', seconds: -5 }, action: { kind: 'volume', task: 'Lobby 8001', volume: 500 } }],
    };
    const file = JSON.stringify({ format: 'ingest-desk.shows', version: 1, shows: [good, bad, { name: '' }] });
    const report = await library.importJson(file);
    expect(report.imported).toHaveLength(1);
    expect(report.rejected.map((rejection) => rejection.index)).toEqual([1, 2]);
    expect(report.rejected[0]?.problems).toEqual(
      expect.arrayContaining([
        { path: 'cues.0.trigger.seconds', message: 'shows:trigger.delayRange' },
        { path: 'cues.0.action.volume', message: 'requests:volume.range' },
      ]),
    );
    expect((await library.importJson('not json')).rejected[0]?.problems[0]?.message).toBe('shows:import.notJson');
  });

  it('rejects duplicate task names and cue ids in the schema', () => {
    const draft = sampleShowDraft('p1');
    const result = showDraftSchema.safeParse({ ...draft, tasks: [...draft.tasks, draft.tasks[0]], cues: [...draft.cues, draft.cues[0]] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['tasks.2.name', 'shows:task.nameTaken'],
      ['cues.4.id', 'shows:cue.idTaken'],
    ]);
  });
});
