import type { MediaEntry } from '../../../../shared/contract/media';

export type PreviewKind = 'native' | 'hls' | 'flv' | 'rtmp';

/** How the page can play an entry: by scheme, then what the probe learnt, then the file extension. */
export function previewKind(entry: Pick<MediaEntry, 'url' | 'lastProbe'>): PreviewKind {
  const url = new URL(entry.url);
  if (url.protocol === 'rtmp:' || url.protocol === 'rtmps:') return 'rtmp';
  const type = entry.lastProbe?.contentType?.toLowerCase() ?? '';
  const path = url.pathname.toLowerCase();
  if (entry.lastProbe?.hls || type.includes('mpegurl') || path.endsWith('.m3u8')) return 'hls';
  if (type.includes('flv') || path.endsWith('.flv')) return 'flv';
  return 'native';
}
