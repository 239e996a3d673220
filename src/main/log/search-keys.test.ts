import { describe, expect, it } from 'vitest';
import { hashId } from './log-segment';
import { SearchKeys } from './search-keys';

/** Two different strings with the same 32-bit hash, found by brute force (a birthday search). */
function collidingPair(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const key = `{"taskid":"task-${i}"}`;
    const other = seen.get(hashId(key));
    if (other !== undefined) return [other, key];
    seen.set(hashId(key), key);
  }
}

describe('SearchKeys', () => {
  it('numbers each distinct key once, in order of arrival, across blobs', () => {
    const keys = new SearchKeys();
    // About 3 MiB of keys: several 1 MiB blobs.
    const texts = Array.from({ length: 3000 }, (_, i) => `task-${i}\n${'x'.repeat(1000)}\n{"room":"${i % 7}"}`);
    expect(texts.map((text) => keys.code(text))).toEqual(texts.map((_, i) => i));
    expect(texts.map((text) => keys.code(text))).toEqual(texts.map((_, i) => i));
    expect(keys.size).toBe(3000);
    expect(keys.code('')).toBe(-1);
  });

  it('tells apart keys whose hashes collide', () => {
    const [first, second] = collidingPair();
    expect(hashId(first)).toBe(hashId(second));
    const keys = new SearchKeys();
    const a = keys.code(first);
    const b = keys.code(second);
    expect(a).not.toBe(b);
    expect([keys.code(first), keys.code(second)]).toEqual([a, b]);
    expect(keys.size).toBe(2);
  });

  it('finds the keys holding a text, including non-ASCII ones, and no key for a text across two keys', () => {
    const keys = new SearchKeys();
    keys.code('task-1\n{"streamurl":"https://cdn.example.com/a.m3u8"}');
    keys.code('task-2\n{"roomid":"直播间-7"}');
    keys.code('task-3\nresourcenotfound');
    const hits = (text: string) => [...keys.matching(text)].flatMap((hit, code) => (hit ? [code] : []));
    expect(hits('task-')).toEqual([0, 1, 2]);
    expect(hits('直播间')).toEqual([1]);
    expect(hits('a.m3u8')).toEqual([0]);
    expect(hits('notfound')).toEqual([2]);
    // The end of one key and the start of the next are not one text.
    expect(hits('}task-2')).toEqual([]);
    expect(hits('nothing')).toEqual([]);
  });
});
