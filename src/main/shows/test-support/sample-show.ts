import type { ShowDraft } from '../../../shared/shows/show-schema';

/** A small show: two lobby tasks launched at the start, a volume change after, stop-all at the end. */
export function sampleShowDraft(presetId: string, overrides: Partial<ShowDraft> = {}): ShowDraft {
  return {
    name: 'Friday night',
    plannedStart: '2026-12-06T19:50:00Z',
    preflightLeadMinutes: 15,
    tasks: [
      { name: 'Lobby 8001', presetId, roomId: '8001' },
      { name: 'Lobby 8002', presetId, roomId: '8002' },
    ],
    cues: [
      { id: 'c1', label: 'Doors', trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Lobby 8001' } },
      { id: 'c2', trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Lobby 8002' } },
      { id: 'c3', trigger: { kind: 'after', seconds: 30 }, action: { kind: 'volume', task: 'Lobby 8001', volume: 60 } },
      { id: 'c4', trigger: { kind: 'go' }, action: { kind: 'stopShow' } },
    ],
    notes: '',
    ...overrides,
  };
}
