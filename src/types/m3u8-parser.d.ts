// m3u8-parser ships no types. Only what the probe reads from a parsed playlist.
declare module 'm3u8-parser' {
  export interface ParsedPlaylistAttributes {
    BANDWIDTH?: number;
    'AVERAGE-BANDWIDTH'?: number;
    RESOLUTION?: { width: number; height: number };
    CODECS?: string;
    'FRAME-RATE'?: number;
  }
  export interface ParsedManifest {
    playlists?: { uri: string; attributes?: ParsedPlaylistAttributes }[];
    segments?: { duration?: number; uri?: string }[];
    targetDuration?: number;
    endList?: boolean;
    playlistType?: string;
  }
  export class Parser {
    manifest: ParsedManifest;
    push(chunk: string): void;
    end(): void;
  }
}
