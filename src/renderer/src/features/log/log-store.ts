import { create } from 'zustand';
import type { LogFilter, LogRow, LogStatus } from '../../../../shared/contract/log';
import { invoke } from '../../api/client';
import { withoutEmpty } from './log-filter';

export const pageSize = 100;

interface LogState {
  filter: LogFilter;
  total: number;
  complete: boolean;
  /** Rows by page number for the current filter; pages load as the table scrolls to them. */
  pages: Record<number, LogRow[]>;
  status: LogStatus | null;
  error: string | null;
  /** Bumped by every new filter or refresh, so a late answer for an old one is dropped. */
  generation: number;
  setFilter(patch: Partial<LogFilter>): void;
  replaceFilter(filter: LogFilter): void;
  refresh(): Promise<void>;
  ensurePages(first: number, last: number): void;
}

const inFlight = new Set<string>();

export const useLogStore = create<LogState>((set, get) => {
  async function loadPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const result = await invoke('log.query', { filter: get().filter, offset: page * pageSize, limit: pageSize });
      if (get().generation !== generation) return;
      set((state) => ({ pages: { ...state.pages, [page]: result.rows }, total: result.total, complete: result.complete, error: null }));
    } catch (error) {
      if (get().generation === generation) set({ error: (error as Error).message });
    } finally {
      inFlight.delete(key);
    }
  }

  return {
    filter: {},
    total: 0,
    complete: true,
    pages: {},
    status: null,
    error: null,
    generation: 0,
    setFilter(patch) {
      const filter = withoutEmpty({ ...get().filter, ...patch });
      get().replaceFilter(filter);
    },
    replaceFilter(filter) {
      set((state) => ({ filter: withoutEmpty(filter), pages: {}, generation: state.generation + 1 }));
      void get().refresh();
    },
    async refresh() {
      const generation = get().generation + 1;
      set({ generation });
      const [status] = await Promise.all([invoke('log.status', {}).catch(() => null), loadPage(0, generation)]);
      if (get().generation !== generation) return;
      // Rows shift as new ones arrive on top: keep only the fresh first page.
      set((state) => {
        const first = state.pages[0];
        const pages: Record<number, LogRow[]> = first ? { 0: first } : {};
        return { status: status ?? state.status, pages };
      });
    },
    ensurePages(first, last) {
      const { pages, generation } = get();
      for (let page = first; page <= last; page++) if (!pages[page]) void loadPage(page, generation);
    },
  };
});
