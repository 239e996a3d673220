import { describe, expect, it } from 'vitest';
import { exportShowCsv, parseShowCsv, secondsOf } from './show-csv';
import type { PresetsPort } from './shows-ports';
import { storedShow } from './test-support/runner-kit';
import { sampleShowDraft } from './test-support/sample-show';

const presets: PresetsPort = {
  find: (id) => (id === 'p1' ? { id: 'p1', name: 'Lobby loop' } : null),
  findByName: (name) => (name === 'Lobby loop' ? { id: 'p1', name } : null),
};
const base = { name: 'From a spreadsheet', preflightLeadMinutes: 10 };

describe('the CSV run-sheet', () => {
  it('round-trips a show: tasks come back from the launch rows, cues unchanged', () => {
    const show = storedShow(
      sampleShowDraft('p1', {
        cues: [
          ...sampleShowDraft('p1').cues.slice(0, 3),
          {
            id: 'c5',
            label: '=HYPERLINK("x")',
            trigger: { kind: 'at', at: '2026-12-06T21:30:00Z' },
            action: { kind: 'switchSource', task: 'Lobby 8002', source: { kind: 'entry', entryId: 'e-1' } },
          },
          { id: 'c6', trigger: { kind: 'offset', seconds: 3725 }, action: { kind: 'tempo', task: 'Lobby 8002', tempo: 1.25 } },
          { id: 'c7', trigger: { kind: 'go' }, action: { kind: 'stopRoom', roomId: '8001' } },
          { id: 'c8', trigger: { kind: 'go' }, action: { kind: 'stopShow' } },
        ],
      }),
    );
    const csv = exportShowCsv(show, presets);
    expect(csv.split('\n')[0]).toBe('cue,label,trigger,time,action,task,preset,room,value');
    expect(csv).toContain('c1,Doors,offset,0:00:00,launch,Lobby 8001,Lobby loop,8001,');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('1:02:05');
    const { draft, rejected } = parseShowCsv(csv, { ...base, plannedStart: show.plannedStart }, presets);
    expect(rejected).toEqual([]);
    expect(draft?.tasks).toEqual(show.tasks);
    expect(draft?.cues).toEqual(show.cues);
  });

  it('rejects a bad sheet with each row and column named, and saves nothing', () => {
    const csv = [
      'cue,trigger,time,action,task,preset,room,value',
      'a,offset,0,launch,Lobby,Lobby loop,8001,',
      'b,offset,1:75:00,volume,Lobby,,,300',
      'c,later,,pause,Lobby,,,',
      'd,after,5,launch,Other,No such preset,,',
      'e,after,5,volume,Lobby,,,500',
      'f,go,,explode,,,,',
    ].join('\n');
    const { draft, rejected } = parseShowCsv(csv, base, presets);
    expect(draft).toBeUndefined();
    expect(rejected).toEqual([
      { index: 3, problems: [{ path: 'time', message: 'shows:csv.timeInvalid' }] },
      { index: 4, problems: [{ path: 'trigger', message: 'shows:trigger.invalid' }] },
      { index: 5, problems: [{ path: 'preset', message: 'shows:csv.unknownPreset' }] },
      { index: 6, problems: [{ path: 'value', message: 'requests:volume.range' }] },
      { index: 7, problems: [{ path: 'action', message: 'shows:action.invalid' }] },
    ]);
  });

  it('refuses unknown columns and a missing trigger column', () => {
    expect(parseShowCsv('cue,when,action\n', base, presets).rejected).toEqual([
      {
        index: 1,
        problems: [
          { path: 'when', message: 'shows:csv.unknownColumn' },
          { path: 'trigger', message: 'shows:csv.missingColumn' },
        ],
      },
    ]);
  });

  it('reads times as seconds, m:ss or h:mm:ss', () => {
    expect([secondsOf('90'), secondsOf('1:30'), secondsOf('1:00:05'), secondsOf('1.5'), secondsOf(''), secondsOf('1:60')]).toEqual([
      90,
      90,
      3605,
      null,
      null,
      null,
    ]);
  });
});
