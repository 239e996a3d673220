import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaEntry } from '../../src/shared/contract/media';

const words = ['morning', 'news', 'sports', 'replay', 'concert', 'lecture', 'trailer', 'promo', 'weather', 'keynote', 'match', 'studio'];
const tags = ['live', 'vod', 'promo', 'news', 'sports', 'music', 'backup', 'archive'];

/** Writes a media.json with `count` plausible entries into a data dir, as the app would have saved it. */
export async function seedMediaLibrary(dataDir: string, count: number): Promise<void> {
  await writeFile(join(dataDir, 'media.json'), JSON.stringify({ version: 1, data: { entries: makeMediaEntries(count) } }));
}

/** `count` plausible library entries: 12 words, 8 tags, 9 hosts, a third of them HLS. */
export function makeMediaEntries(count: number): MediaEntry[] {
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return Array.from({ length: count }, (_, i) => {
    const a = words[i % words.length] as string;
    const b = words[(i * 7) % words.length] as string;
    return {
      id: `seed-${i}`,
      url: `https://cdn${i % 9}.example.com/${a}/${b}-${i}.${i % 3 === 0 ? 'm3u8' : 'mp4'}`,
      name: `${a} ${b} ${i}`,
      tags: [tags[i % tags.length] as string, tags[(i * 3 + 1) % tags.length] as string].filter(
        (tag, index, all) => all.indexOf(tag) === index,
      ),
      notes: i % 5 === 0 ? `Segment ${i} of the ${b} series` : '',
      addedAt: at(i),
      updatedAt: at(i),
      lastUsedAt: null,
      lastProbe: null,
      preview: null,
    };
  });
}
