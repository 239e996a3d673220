import { z } from 'zod';
import { type MediaUrlProblem, maxMediaUrlLength } from '../media/url-rules';
import { call, returns } from './define';

export const mediaLimits = {
  name: 200,
  notes: 2000,
  tag: 40,
  tags: 20,
  /** Entries one bulk call may name. */
  bulk: 20_000,
  /** Characters of one import; the browser host also caps a request body at 1 MiB. */
  importText: 4_000_000,
  entries: 50_000,
} as const;

const isoTime = z.string().max(40);
const id = z.string().min(1).max(64);

export const hlsVariantSchema = z.object({
  bandwidth: z.number().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  codecs: z.string().max(200).nullable(),
  frameRate: z.number().nullable(),
});

export const hlsSummarySchema = z.object({
  type: z.enum(['master', 'media']),
  variants: z.array(hlsVariantSchema).max(100),
  targetDuration: z.number().nullable(),
  segments: z.number().nullable(),
  /** A media playlist without #EXT-X-ENDLIST is live (it keeps growing). */
  live: z.boolean().nullable(),
});

export const probeOutcomes = [
  'reachable',
  'http-error',
  'unreachable',
  'timeout',
  'cancelled',
  'refused-redirect',
  'too-many-redirects',
  'not-probed',
] as const;
export type ProbeOutcome = (typeof probeOutcomes)[number];

export const mediaProbeSchema = z.object({
  at: isoTime,
  outcome: z.enum(probeOutcomes),
  elapsedMs: z.number(),
  status: z.number().nullable(),
  contentType: z.string().max(200).nullable(),
  contentLength: z.number().nullable(),
  /** Every hop after the entry's own URL, in order. */
  redirects: z.array(z.string().max(maxMediaUrlLength)).max(20),
  hls: hlsSummarySchema.nullable(),
  /** Why it failed, in English (a network error's message or the refused hop's problem). */
  detail: z.string().max(500).nullable(),
});
export type MediaProbe = z.infer<typeof mediaProbeSchema>;
export type HlsSummary = z.infer<typeof hlsSummarySchema>;

export const mediaPreviewSchema = z.object({
  at: isoTime,
  /** Seconds; null for a live stream (the player reports an infinite duration). */
  durationSeconds: z.number().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
});
export type MediaPreview = z.infer<typeof mediaPreviewSchema>;

export const mediaEntrySchema = z.object({
  id,
  url: z.string().max(maxMediaUrlLength),
  name: z.string().max(mediaLimits.name),
  tags: z.array(z.string().max(mediaLimits.tag)).max(mediaLimits.tags),
  notes: z.string().max(mediaLimits.notes),
  addedAt: isoTime,
  updatedAt: isoTime,
  lastUsedAt: isoTime.nullable(),
  lastProbe: mediaProbeSchema.nullable(),
  preview: mediaPreviewSchema.nullable(),
});
export type MediaEntry = z.infer<typeof mediaEntrySchema>;

// Inputs: bounded strings; the URL itself is checked against the one table in src/shared/media by the service.
const urlInput = z.string().max(maxMediaUrlLength + 64);
const nameInput = z.string().max(mediaLimits.name);
const tagsInput = z.array(z.string().max(mediaLimits.tag)).max(mediaLimits.tags);
const notesInput = z.string().max(mediaLimits.notes);
const ids = z.array(id).min(1).max(mediaLimits.bulk);

export const mediaDraftSchema = z
  .object({ url: urlInput, name: nameInput.optional(), tags: tagsInput.optional(), notes: notesInput.optional() })
  .strict();
export type MediaDraft = z.infer<typeof mediaDraftSchema>;

export const importFormats = ['text', 'csv', 'json', 'm3u'] as const;
export type ImportFormat = (typeof importFormats)[number];
export const exportFormats = ['json', 'csv', 'm3u'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type ImportProblem = MediaUrlProblem | 'duplicate' | 'duplicateInFile' | 'missingUrl' | 'malformed' | 'invalidField' | 'tooMany';

export interface ImportRejection {
  /** 1-based line (text, CSV, M3U) or item (JSON) number. */
  line: number;
  /** The offending text, shortened. */
  text: string;
  problem: ImportProblem;
  /** English detail (e.g. the refused scheme or the parser's message). */
  detail?: string;
}

export interface ImportReport {
  added: number;
  rejected: ImportRejection[];
}

export interface MediaUser {
  id: string;
  name: string;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

export const mediaCalls = {
  list: call(() => z.object({}).strict(), returns<MediaEntry[]>()),
  get: call(() => z.object({ id }).strict(), returns<MediaEntry>()),
  add: call(() => mediaDraftSchema.extend({ probe: z.boolean().optional() }).strict(), returns<MediaEntry>()),
  update: call(
    () =>
      z
        .object({ id, url: urlInput.optional(), name: nameInput.optional(), tags: tagsInput.optional(), notes: notesInput.optional() })
        .strict(),
    returns<MediaEntry>(),
  ),
  /** Refuses with CONFLICT (details.users) when a preset uses an entry, unless `force`. */
  delete: call(() => z.object({ ids, force: z.boolean().optional() }).strict(), returns<{ deleted: string[] }>()),
  tag: call(() => z.object({ ids, add: tagsInput.optional(), remove: tagsInput.optional() }).strict(), returns<{ updated: number }>()),
  /** Starts a probe in main and answers at once; the result arrives as `media.probeFinished`. */
  probe: call(() => z.object({ id }).strict(), returns<{ started: boolean }>()),
  cancelProbe: call(() => z.object({ id }).strict(), returns<{ cancelled: boolean }>()),
  reportPreview: call(
    () =>
      z
        .object({
          id,
          durationSeconds: z.number().nonnegative().max(1e9).nullable(),
          width: z.number().int().nonnegative().max(16384).nullable(),
          height: z.number().int().nonnegative().max(16384).nullable(),
        })
        .strict(),
    returns<MediaEntry>(),
  ),
  import: call(
    () => z.object({ format: z.enum(importFormats), text: z.string().max(mediaLimits.importText), probe: z.boolean().optional() }).strict(),
    returns<ImportReport>(),
  ),
  export: call(
    () => z.object({ format: z.enum(exportFormats), ids: z.array(id).max(mediaLimits.entries).optional() }).strict(),
    returns<ExportedFile>(),
  ),
};

export const mediaEvents = {
  /** Entries added or changed (full entries) and removed (ids), by any window or by main. */
  'media.changed': returns<{ upserted: MediaEntry[]; removed: string[] }>(),
  'media.probeFinished': returns<{ id: string; probe: MediaProbe }>(),
};
