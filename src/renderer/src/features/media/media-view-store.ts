import { create } from 'zustand';
import type { MediaSort } from '../../../../shared/media/filter';
import { invoke } from '../../api/client';
import type { Listen } from '../../api/remote-store';

interface MediaViewState {
  query: string;
  sort: MediaSort;
  /** Ids ticked for bulk actions. */
  selected: ReadonlySet<string>;
  /** The entry shown in the detail panel. */
  current: string | null;
  probing: ReadonlySet<string>;
  setQuery(query: string): void;
  setSort(sort: MediaSort): void;
  setCurrent(id: string | null): void;
  toggle(id: string): void;
  selectOnly(ids: readonly string[]): void;
  clearSelection(): void;
  startProbe(id: string): Promise<void>;
  cancelProbe(id: string): Promise<void>;
}

/** What the media screen shows of the library: UI state only (the entries are in media-store). */
export const useMediaView = create<MediaViewState>((set, get) => ({
  query: '',
  sort: 'added',
  selected: new Set(),
  current: null,
  probing: new Set(),
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

/** A removed entry leaves the selection and the detail panel; a finished probe stops spinning. */
export function connectMediaView(on: Listen): () => void {
  const offChanged = on('media.changed', ({ removed }) => {
    if (removed.length === 0) return;
    const gone = new Set(removed);
    const { selected, current } = useMediaView.getState();
    useMediaView.setState({
      selected: new Set([...selected].filter((id) => !gone.has(id))),
      current: current && gone.has(current) ? null : current,
    });
  });
  const offProbe = on('media.probeFinished', ({ id }) =>
    useMediaView.setState({ probing: withItem(useMediaView.getState().probing, id, false) }),
  );
  return () => {
    offChanged();
    offProbe();
  };
}

function withItem(items: ReadonlySet<string>, id: string, present: boolean): Set<string> {
  const next = new Set(items);
  if (present) next.add(id);
  else next.delete(id);
  return next;
}
