import { useMemo } from 'react';
import type { MediaEntry } from '../../../../shared/contract/media';
import { filterRows, sortRows, toSearchRows } from '../../../../shared/media/filter';
import { useMediaStore } from './media-store';
import { useMediaView } from './media-view-store';

/**
 * Search keys and sort order are recomputed only when the library or the sort changes; a keystroke
 * runs only the pure filter over the prepared rows.
 */
export function useFilteredEntries(): MediaEntry[] {
  const entries = useMediaStore((state) => state.entries);
  const sort = useMediaView((state) => state.sort);
  const query = useMediaView((state) => state.query);
  const sorted = useMemo(() => sortRows(toSearchRows(entries), sort), [entries, sort]);
  return useMemo(() => filterRows(sorted, query), [sorted, query]);
}
