import { Parser } from 'm3u8-parser';
import type { HlsSummary } from '../../shared/contract/media';

const maxVariants = 100;

/** Reads an HLS playlist: a master lists variants (bandwidth, resolution, codecs); a media one lists segments. */
export function summariseHlsPlaylist(text: string): HlsSummary | null {
  if (
    !text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .startsWith('#EXTM3U')
  )
    return null;
  const parser = new Parser();
  parser.push(text);
  parser.end();
  const manifest = parser.manifest;
  const playlists = manifest.playlists ?? [];
  if (playlists.length > 0) {
    return {
      type: 'master',
      variants: playlists.slice(0, maxVariants).map(({ attributes = {} }) => ({
        bandwidth: attributes.BANDWIDTH ?? null,
        width: attributes.RESOLUTION?.width ?? null,
        height: attributes.RESOLUTION?.height ?? null,
        codecs: attributes.CODECS?.slice(0, 200) ?? null,
        frameRate: attributes['FRAME-RATE'] ?? null,
      })),
      targetDuration: null,
      segments: null,
      live: null,
    };
  }
  return {
    type: 'media',
    variants: [],
    targetDuration: manifest.targetDuration ?? null,
    segments: manifest.segments?.length ?? 0,
    live: manifest.endList !== true && manifest.playlistType !== 'VOD',
  };
}
