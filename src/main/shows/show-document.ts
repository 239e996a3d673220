import { z } from 'zod';
import { showLimits, storedShowSchema } from '../../shared/shows/show-schema';

/** The shows, in the database's journaled document store like presets. Holds no secret: shows name presets, never tickets. */
export const showsFileSchema = z.object({ shows: z.array(storedShowSchema).max(showLimits.showsMax) }).strict();
export type ShowsFile = z.infer<typeof showsFileSchema>;

export const showsDocument = {
  file: 'shows.json',
  version: 1,
  schema: showsFileSchema,
  empty: (): ShowsFile => ({ shows: [] }),
};
