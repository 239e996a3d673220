import { describe, expect, it } from 'vitest';
import {
  actionOfKind,
  checkSheet,
  cleanSheet,
  emptySheet,
  isoOfLocalInput,
  localInputOf,
  newCue,
  type SheetValues,
  triggerOfKind,
} from './sheet-model';

const sheet = (patch: Partial<SheetValues> = {}): SheetValues => ({
  ...emptySheet,
  name: 'Evening',
  tasks: [
    { name: 'Lobby 8001', presetId: 'p1' },
    { name: 'Lobby 8002', presetId: 'p1', roomId: '8002' },
  ],
  cues: [
    { id: 'c1', trigger: { kind: 'go' }, action: { kind: 'launch', task: 'Lobby 8001' } },
    { id: 'c2', trigger: { kind: 'offset', seconds: 60 }, action: { kind: 'volume', task: 'Lobby 8001', volume: 50 } },
  ],
  ...patch,
});

describe('the run-sheet editor model', () => {
  it('finds a valid sheet valid, and drops empty optional fields before the schema sees them', () => {
    expect(checkSheet(sheet()).valid).toBe(true);
    const cleaned = cleanSheet(sheet({ plannedStart: '', tasks: [{ name: 'A', presetId: 'p', roomId: ' ' }] }));
    expect(cleaned).not.toHaveProperty('plannedStart');
    expect(cleaned.tasks[0]).toEqual({ name: 'A', presetId: 'p' });
  });

  it('puts each problem beside the cue or task it concerns, as the shared schema words it', () => {
    const issues = checkSheet(
      sheet({
        name: '',
        tasks: [
          { name: 'Lobby 8001', presetId: 'p1' },
          { name: 'Lobby 8001', presetId: '' },
        ],
        cues: [
          { id: 'c1', trigger: { kind: 'offset', seconds: -5 }, action: { kind: 'launch', task: 'Lobby 8001' } },
          { id: 'c2', trigger: { kind: 'go' }, action: { kind: 'volume', task: 'Lobby 8001', volume: 999 } },
          { id: 'c3', trigger: { kind: 'at', at: 'tonight' }, action: { kind: 'launch', task: 'Lobby 8001' } },
        ],
      }),
    );
    expect(issues.valid).toBe(false);
    expect(issues.show).toContain('shows:name.required');
    expect(issues.cues.get(0)).toEqual(['shows:trigger.delayRange']);
    expect(issues.cues.get(1)).toHaveLength(1);
    expect(issues.cues.get(2)).toEqual(['shows:time.invalid']);
    expect(issues.byPath.get('cues.2.trigger.at')).toBe('shows:time.invalid');
    expect(issues.tasks.get(1)).toEqual(expect.arrayContaining(['shows:task.presetRequired']));
    expect(issues.cues.has(3)).toBe(false);
  });

  it('makes a new trigger or action of a kind, keeping the task the cue was about', () => {
    const now = Date.parse('2026-12-06T19:41:30Z');
    expect(triggerOfKind('at', undefined, now)).toEqual({ kind: 'at', at: '2026-12-06T19:52:00.000Z' });
    expect(triggerOfKind('at', '2026-12-06T20:00:00Z', now)).toEqual({ kind: 'at', at: '2026-12-06T20:00:00Z' });
    expect(triggerOfKind('after', undefined, now)).toEqual({ kind: 'after', seconds: 0 });
    expect(actionOfKind('volume', { kind: 'launch', task: 'B' }, 'A')).toEqual({ kind: 'volume', task: 'B', volume: 100 });
    expect(actionOfKind('pause', { kind: 'stopShow' }, 'A')).toEqual({ kind: 'pause', task: 'A' });
    expect(actionOfKind('stopShow', { kind: 'launch', task: 'B' }, 'A')).toEqual({ kind: 'stopShow' });
  });

  it('offers a new cue launching the first task no cue launches yet', () => {
    expect(newCue(sheet(), 'c3').action).toEqual({ kind: 'launch', task: 'Lobby 8002' });
  });

  it('shows an absolute time in this computer zone and reads it back to the same instant', () => {
    const iso = '2026-12-06T19:50:05.000Z';
    expect(isoOfLocalInput(localInputOf(iso))).toBe(iso);
    expect(localInputOf('nonsense')).toBe('');
    expect(isoOfLocalInput('')).toBeUndefined();
  });
});
