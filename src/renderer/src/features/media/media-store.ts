import { create } from 'zustand';
import type { MediaEntry, MediaProbe } from '../../../../shared/contract/media';
import type { MediaSort } from '../../../../shared/media/filter';
import { invoke, subscribe } from '../../api/client';

interface MediaState {
  entries: MediaEntry[];
  loaded: boolean;
  error: string | null;
  query: string;
  sort: MediaSort;
  /** Ids ticked for bulk actions. */
  selected: ReadonlySet<string>;
  /** The entry shown in the detail panel. */
  current: string | null;
  probing: ReadonlySet<string>;
  load(): Promise<void>;
  setQuery(query: string): void;
  setSort(sort: MediaSort): void;
  setCurrent(id: string | null): void;
  toggle(id: string): void;
  selectOnly(ids: readonly string[]): void;
  clearSelection(): void;
  startProbe(id: string): Promise<void>;
  cancelProbe(id: string): Promise<void>;
}

export const useMediaStore = create<MediaState>((set, get) => ({
  entries: [],
  loaded: false,
  error: null,
  query: '',
  sort: 'added',
  selected: new Set(),
  current: null,
  probing: new Set(),
  async load() {
    try {
      set({ entries: await invoke('media.list', {}), loaded: true, error: null });
    } catch (error) {
      set({ error: (error as Error).message, loaded: true });
    }
  },
  setQuery: (query) => set({ query }),
  setSort: (sort) => set({ sort }),
  setCurrent: (current) => set({ current }),
  toggle(id) {
    const selected = new Set(get().selected);
    if (!selected.delete(id)) selected.add(id);
    set({ selected });
  },
  selectOnly: (ids) => set({ selected: new Set(ids) }),
  clearSelection: () => set({ selected: new Set() }),
  async startProbe(id) {
    set({ probing: withItem(get().probing, id, true) });
    try {
      await invoke('media.probe', { id });
    } catch (error) {
      set({ probing: withItem(get().probing, id, false) });
      throw error;
    }
  },
  async cancelProbe(id) {
    await invoke('media.cancelProbe', { id });
    // A queued probe ends without a result; a running one also reports `cancelled` through the event.
    set({ probing: withItem(get().probing, id, false) });
  },
}));

function withItem(items: ReadonlySet<string>, id: string, present: boolean): Set<string> {
  const next = new Set(items);
  if (present) next.add(id);
  else next.delete(id);
  return next;
}

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

// Changes made anywhere (this window, another one, a probe finishing in main) arrive as events.
subscribe('media.changed', ({ upserted, removed }) => {
  const state = useMediaStore.getState();
  const gone = new Set(removed);
  const selected = removed.length > 0 ? new Set([...state.selected].filter((id) => !gone.has(id))) : state.selected;
  useMediaStore.setState({
    entries: applyChange(state.entries, upserted, removed),
    selected,
    current: state.current && gone.has(state.current) ? null : state.current,
  });
});

subscribe('media.probeFinished', ({ id }: { id: string; probe: MediaProbe }) => {
  useMediaStore.setState({ probing: withItem(useMediaStore.getState().probing, id, false) });
});
