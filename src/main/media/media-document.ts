import { z } from 'zod';
import { mediaEntrySchema, mediaLimits } from '../../shared/contract/media';

export const mediaLibrarySchema = z.object({ entries: z.array(mediaEntrySchema).max(mediaLimits.entries) });
export type MediaLibrary = z.infer<typeof mediaLibrarySchema>;

/** `media.json`: the whole library in one validated, versioned, atomically written document. */
export const mediaDocument = {
  file: 'media.json',
  version: 1,
  schema: mediaLibrarySchema,
  empty: (): MediaLibrary => ({ entries: [] }),
};
