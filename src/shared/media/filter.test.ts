import { describe, expect, it } from 'vitest';
import type { MediaEntry } from '../contract/media';
import { filterRows, parseQuery, sortRows, toSearchRows } from './filter';

const entry = (id: string, name: string, url: string, tags: string[] = [], extra: Partial<MediaEntry> = {}): MediaEntry => ({
  id,
  url,
  name,
  tags,
  notes: '',
  addedAt: '2026-11-27T12:00:00.000Z',
  updatedAt: '2026-11-27T12:00:00.000Z',
  lastUsedAt: null,
  lastProbe: null,
  preview: null,
  ...extra,
});

const library = [
  entry('1', 'Morning News', 'https://cdn.example.com/news/morning.m3u8', ['news', 'live']),
  entry('2', 'clip 10', 'https://cdn.example.com/clips/10.mp4', ['promo'], { addedAt: '2026-11-27T13:00:00.000Z' }),
  entry('3', 'Clip 9', 'rtmp://live.example.com/app/key', ['live'], { lastUsedAt: '2026-11-27T14:00:00.000Z', notes: 'Backup feed' }),
];
const rows = toSearchRows(library);
const ids = (entries: MediaEntry[]) => entries.map((item) => item.id);

describe('media filter and sort', () => {
  it('matches every word anywhere in name, URL, notes or tags, ignoring case', () => {
    expect(ids(filterRows(rows, ''))).toEqual(['1', '2', '3']);
    expect(ids(filterRows(rows, 'CLIP'))).toEqual(['2', '3']);
    expect(ids(filterRows(rows, 'clip rtmp'))).toEqual(['3']);
    expect(ids(filterRows(rows, 'backup'))).toEqual(['3']);
    expect(ids(filterRows(rows, 'nothing-like-this'))).toEqual([]);
  });

  it('filters by tag with #tag or tag:name (prefix match), combined with words', () => {
    expect(parseQuery('#Live tag:ne  morning')).toEqual({ words: ['morning'], tags: ['live', 'ne'] });
    expect(ids(filterRows(rows, '#live'))).toEqual(['1', '3']);
    expect(ids(filterRows(rows, '#live tag:new'))).toEqual(['1']);
    expect(ids(filterRows(rows, '#live clip'))).toEqual(['3']);
  });

  it('sorts by natural name order, newest added, most recently used and URL', () => {
    expect(ids(sortRows(rows, 'name').map((row) => row.entry))).toEqual(['3', '2', '1']);
    expect(ids(sortRows(rows, 'added').map((row) => row.entry))[0]).toBe('2');
    expect(ids(sortRows(rows, 'lastUsed').map((row) => row.entry))[0]).toBe('3');
    expect(ids(sortRows(rows, 'url').map((row) => row.entry))).toEqual(['2', '1', '3']);
  });
});
