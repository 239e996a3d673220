import { mediaLimits } from '../contract/media';

/**
 * Tags are lower-case words or short phrases: trimmed, inner blanks collapsed, no separators
 * (`,` `;` `|` split CSV and M3U fields), unique, at most `mediaLimits.tags` of them.
 */
export function normaliseTags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const value of raw.flatMap((tag) => tag.split(/[,;|]/))) {
    const tag = value.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, mediaLimits.tag).trim();
    if (tag !== '' && !seen.has(tag)) seen.add(tag);
    if (seen.size === mediaLimits.tags) break;
  }
  return [...seen];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f]+/g;

/** One line, no control characters: a name also goes into M3U #EXTINF lines and CSV cells. */
export function cleanName(raw: string): string {
  return raw.replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim().slice(0, mediaLimits.name);
}

export function cleanNotes(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').slice(0, mediaLimits.notes);
}

/** A name for an entry added without one: the last path segment, else the host. */
export function defaultName(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).at(-1);
    let segment = '';
    try {
      segment = last ? decodeURIComponent(last) : '';
    } catch {
      segment = last ?? '';
    }
    return cleanName(segment || parsed.hostname || url);
  } catch {
    return cleanName(url);
  }
}
