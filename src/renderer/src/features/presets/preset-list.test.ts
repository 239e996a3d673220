import { describe, expect, it } from 'vitest';
import type { PresetView } from '../../../../shared/contract/presets';
import { sampleDraft } from '../../../../shared/test-support/samples';
import { groupPresets, searchPresets } from './preset-list';

const view = (name: string, patch: Partial<PresetView> = {}): PresetView => ({
  ...sampleDraft({ name }),
  id: name,
  order: 0,
  createdAt: '',
  updatedAt: '',
  secrets: { userSig: false, privateMapKey: false },
  ...patch,
});

const presets = [
  view('Morning news', { tags: ['news', 'am'], folder: 'Studio A' }),
  view('Evening film', { tags: ['film'], folder: 'Studio B', roomId: '777' }),
  view('Loose', {}),
];

describe('preset search and grouping', () => {
  it('matches every word anywhere, case-insensitively', () => {
    expect(searchPresets(presets, 'studio news').map((p) => p.name)).toEqual(['Morning news']);
    expect(searchPresets(presets, '777').map((p) => p.name)).toEqual(['Evening film']);
    expect(searchPresets(presets, 'FILM').map((p) => p.name)).toEqual(['Evening film']);
    expect(searchPresets(presets, '  ')).toHaveLength(3);
    expect(searchPresets(presets, 'nothing-like-this')).toEqual([]);
  });

  it('groups by folder and by tag, the unnamed group last', () => {
    expect(groupPresets(presets, 'folder').map((g) => [g.label, g.presets.map((p) => p.name)])).toEqual([
      ['Studio A', ['Morning news']],
      ['Studio B', ['Evening film']],
      [null, ['Loose']],
    ]);
    expect(groupPresets(presets, 'tag').map((g) => [g.label, g.presets.length])).toEqual([
      ['am', 1],
      ['film', 1],
      ['news', 1],
      [null, 1],
    ]);
    expect(groupPresets([], 'none')).toEqual([]);
  });
});
