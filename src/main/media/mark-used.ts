/** Which library entry a launch or a source switch pushed into a room: by id, else by its URL. */
export interface MediaUse {
  entryId?: string;
  url: string;
}

/**
 * Stamps the entry "last used" (the library's "Recently used" sort reads it). Never in the way of
 * the call that used it: the stamp is written in the background, and a failure (entry deleted
 * meanwhile, store read-only) only costs the stamp.
 */
export function mediaUseMarker(media: {
  list(): { id: string; url: string }[];
  markUsed(id: string): Promise<unknown>;
}): (use: MediaUse) => void {
  return ({ entryId, url }) => {
    const id = entryId ?? media.list().find((entry) => entry.url === url)?.id;
    if (id) void media.markUsed(id).catch(() => undefined);
  };
}
