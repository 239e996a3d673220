import type { MediaEntry } from '../../contract/media';
import type { ParsedImport } from './parsed-import';

/**
 * M3U / M3U8 playlists of sources (not HLS media playlists): `#EXTINF:<duration> <attributes>,<title>`
 * names the URL on the next line; `group-title` becomes a tag. Other `#` lines are skipped.
 */
export function parseM3u(text: string): ParsedImport {
  const result: ParsedImport = { candidates: [], rejected: [] };
  let pending: { name?: string; tags?: string[] } = {};
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '') return;
      if (line.startsWith('#EXTINF')) {
        pending = readExtinf(line);
        return;
      }
      if (line.startsWith('#')) return;
      result.candidates.push({ line: index + 1, url: line, ...pending });
      pending = {};
    });
  return result;
}

function readExtinf(line: string): { name?: string; tags?: string[] } {
  // The title follows the first comma that is outside a quoted attribute value.
  let quoted = false;
  let comma = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"') quoted = !quoted;
    else if (line[i] === ',' && !quoted) {
      comma = i;
      break;
    }
  }
  const attributes = comma >= 0 ? line.slice(0, comma) : line;
  const title = comma >= 0 ? line.slice(comma + 1).trim() : '';
  const group = /group-title="([^"]*)"/i.exec(attributes)?.[1];
  return { name: title || undefined, tags: group ? group.split(';') : undefined };
}

export function writeM3u(entries: readonly MediaEntry[]): string {
  const lines = ['#EXTM3U'];
  for (const entry of entries) {
    const group = entry.tags.length > 0 ? ` group-title="${entry.tags.join(';').replace(/"/g, "'")}"` : '';
    lines.push(`#EXTINF:-1${group},${entry.name.replace(/[\r\n]/g, ' ')}`, entry.url);
  }
  return `${lines.join('\n')}\n`;
}
