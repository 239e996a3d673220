import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { StoredShow } from '../../../../shared/shows/show-schema';
import { concernsOf, problemText } from './preflight-text';

// A stand-in translator that shows the key and its values, so the test sees what was asked for.
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

const show = {
  cues: [
    { id: 'c1', trigger: { kind: 'go' }, action: { kind: 'stopShow' } },
    { id: 'c2', label: 'Music down', trigger: { kind: 'go' }, action: { kind: 'stopShow' } },
  ],
} as unknown as StoredShow;

describe('pre-flight problems in words', () => {
  it('names the cue by its place and label, the task by name, or the whole show', () => {
    expect(concernsOf(t, show, { cueId: 'c2', task: 'Lobby' })).toBe(
      'shows:preflightPanel.cueRef {"number":2} (Music down) · shows:preflightPanel.taskRef {"task":"Lobby"}',
    );
    expect(concernsOf(t, show, {})).toBe('shows:preflightPanel.wholeShow');
  });

  it('translates the code with its params and the fix, falling back to a general fix it has no words for', () => {
    const known = problemText(t, () => true, { severity: 'warning', code: 'rateSpread', params: { cues: 3 }, fix: 'spreadCues' });
    expect(known.explanation).toBe('shows:preflight.rateSpread {"task":"","cues":3}');
    expect(known.fix).toContain('shows:fix.spreadCues');
    const unknown = problemText(t, () => false, { severity: 'blocking', code: 'empty', fix: 'somethingNew' });
    expect(unknown.fix).toBe('shows:fix.generic');
  });
});
