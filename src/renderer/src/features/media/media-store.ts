import type { MediaEntry } from '../../../../shared/contract/media';
import { invoke } from '../../api/client';
import { createRemoteStore } from '../../api/remote-store';

/** The library's entries; what the screen shows of them (query, selection, probes) is in media-view-store. */
export const useMediaStore = createRemoteStore({
  initial: { entries: [] as MediaEntry[] },
  load: async () => ({ entries: await invoke('media.list', {}) }),
  // Changes made anywhere (this window, another one, a probe finishing in main) arrive as events.
  events: { 'media.changed': ({ upserted, removed }, { entries }) => ({ entries: applyChange(entries, upserted, removed) }) },
});

function applyChange(entries: MediaEntry[], upserted: MediaEntry[], removed: string[]): MediaEntry[] {
  const gone = new Set(removed);
  const changed = new Map(upserted.map((entry) => [entry.id, entry]));
  const next: MediaEntry[] = [];
  for (const entry of entries) {
    if (gone.has(entry.id)) continue;
    const update = changed.get(entry.id);
    next.push(update ?? entry);
    changed.delete(entry.id);
  }
  next.push(...changed.values());
  return next;
}
