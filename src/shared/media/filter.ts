import type { MediaEntry } from '../contract/media';

/** An entry with what search needs precomputed once (not on every keystroke). */
export interface SearchRow {
  entry: MediaEntry;
  /** Name, URL, notes and tags, lower-cased, joined by a character no one types. */
  key: string;
  tags: readonly string[];
}

export const mediaSorts = ['name', 'added', 'lastUsed', 'url'] as const;
export type MediaSort = (typeof mediaSorts)[number];

// Entries are immutable (a change makes a new object), so a row computed once stays right: when one
// probe result arrives, only that entry's key is rebuilt, not 10,000.
const rowCache = new WeakMap<MediaEntry, SearchRow>();

export function toSearchRows(entries: readonly MediaEntry[]): SearchRow[] {
  return entries.map((entry) => {
    let row = rowCache.get(entry);
    if (!row) {
      row = {
        entry,
        key: `${entry.name}\u0001${entry.url}\u0001${entry.notes}\u0001${entry.tags.join('\u0001')}`.toLowerCase(),
        tags: entry.tags,
      };
      rowCache.set(entry, row);
    }
    return row;
  });
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Sorted copy: by name (natural order), newest added, most recently used, or URL. */
export function sortRows(rows: readonly SearchRow[], sort: MediaSort): SearchRow[] {
  const copy = [...rows];
  switch (sort) {
    case 'name':
      return copy.sort((a, b) => collator.compare(a.entry.name, b.entry.name));
    case 'added':
      return copy.sort((a, b) => compareDesc(a.entry.addedAt, b.entry.addedAt));
    case 'lastUsed':
      return copy.sort((a, b) => compareDesc(a.entry.lastUsedAt ?? '', b.entry.lastUsedAt ?? ''));
    case 'url':
      return copy.sort((a, b) => compareAsc(a.entry.url, b.entry.url));
  }
}

export interface MediaQuery {
  /** Words that must all appear somewhere in name, URL, notes or tags. */
  words: string[];
  /** `#tag` or `tag:name`: tags that must all be present (prefix match). */
  tags: string[];
}

export function parseQuery(text: string): MediaQuery {
  const query: MediaQuery = { words: [], tags: [] };
  for (const part of text.toLowerCase().split(/\s+/)) {
    if (part === '') continue;
    if (part.startsWith('#') && part.length > 1) query.tags.push(part.slice(1));
    else if (part.startsWith('tag:') && part.length > 4) query.tags.push(part.slice(4));
    else query.words.push(part);
  }
  return query;
}

/**
 * The filter behind the search box: pure, allocation-light, keeps the order it is given. Runs on
 * every keystroke over the whole library (10,000 entries must take well under a frame).
 */
export function filterRows(rows: readonly SearchRow[], text: string): MediaEntry[] {
  const { words, tags } = parseQuery(text);
  const result: MediaEntry[] = [];
  for (const row of rows) {
    if (matches(row, words, tags)) result.push(row.entry);
  }
  return result;
}

function matches(row: SearchRow, words: string[], tags: string[]): boolean {
  for (const word of words) if (!row.key.includes(word)) return false;
  for (const wanted of tags) if (!row.tags.some((tag) => tag.startsWith(wanted))) return false;
  return true;
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

function compareAsc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
