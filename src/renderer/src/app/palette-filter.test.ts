import type { SpotlightActionGroupData } from '@mantine/spotlight';
import { describe, expect, it } from 'vitest';
import { filterPaletteActions } from './palette-filter';

const actions: SpotlightActionGroupData[] = [
  { group: 'Screens', actions: [{ id: 'go:tasks', label: 'Go to Live tasks' }] },
  { group: 'Media', actions: [{ id: 'find', label: 'Find “…” in the media library' }] },
  { group: 'Launch', actions: [{ id: 'launch:1', label: 'Launch Morning show…', description: 'stop after 10 min' }] },
  { group: 'Stop', actions: [{ id: 'stop:1', label: 'Stop Morning show…' }] },
];
const groups = (query: string) =>
  filterPaletteActions(query, actions, new Set(['find'])).map((item) => (item as SpotlightActionGroupData).group);

describe('filterPaletteActions', () => {
  it('ranks a command whose label starts with the query above search suggestions and other matches', () => {
    expect(groups('stop')).toEqual(['Stop', 'Launch', 'Media']);
    expect(groups('stop morning')).toEqual(['Stop', 'Launch', 'Media']);
  });

  it('keeps the palette order with no query, and the suggestion when nothing else matches', () => {
    expect(groups('')).toEqual(['Screens', 'Media', 'Launch', 'Stop']);
    expect(groups('zzz')).toEqual(['Media']);
  });
});
