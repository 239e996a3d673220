import type { MediaUser } from '../../shared/contract/media';

/**
 * Who refers to a library entry (presets, later maybe schedules). The media service asks before a
 * delete, so it can say which presets would break. Built by the composition root; the presets domain
 * provides the real one (a closure, so the two services can refer to each other).
 */
export interface MediaUsage {
  usersOf(mediaId: string): Promise<MediaUser[]>;
}

export const noMediaUsage: MediaUsage = { usersOf: async () => [] };

/** Who uses an entry, asked of the presets domain (PresetService fits). */
export function presetsMediaUsage(presets: { usingMedia(entryId: string): { id: string; name: string }[] }): MediaUsage {
  return { usersOf: async (entryId) => presets.usingMedia(entryId).map(({ id, name }) => ({ id, name })) };
}
