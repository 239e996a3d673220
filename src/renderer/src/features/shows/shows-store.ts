import { create } from 'zustand';
import type { AppErrorData } from '../../../../shared/contract';
import type { PreflightReport } from '../../../../shared/shows/preflight';
import type { ShowRun } from '../../../../shared/shows/run-state';
import type { ShowSummary } from '../../../../shared/shows/show-schema';
import { invoke, subscribe } from '../../api/client';
import { errorData } from '../tasks/tasks-store';

interface ShowsState {
  shows: ShowSummary[] | null;
  /** The armed show's run (one at a time), null when none is armed. */
  run: ShowRun | null;
  /** The last pre-flight of each show this page saw (asked for here, or the automatic one main pushes). */
  preflights: Record<string, PreflightReport>;
  error: AppErrorData | null;
  /** The show open in the editor / run view. */
  selectedId: string | null;
  load(): Promise<void>;
  select(id: string | null): void;
  /** Keeps a run main answered to a call (the event with the same run may come before or after). */
  setRun(run: ShowRun | null): void;
  setPreflight(report: PreflightReport): void;
}

/**
 * The show list, the run and the pre-flights, in one store: loaded once, then kept by main's events
 * (`shows.changed`, `shows.run`, `shows.preflight`), as presets-store does for presets.
 */
export const useShowsStore = create<ShowsState>((set) => ({
  shows: null,
  run: null,
  preflights: {},
  error: null,
  selectedId: null,
  async load() {
    try {
      const [shows, run] = await Promise.all([invoke('shows.list', {}), invoke('shows.run', {})]);
      set({ shows, run, error: null });
    } catch (error) {
      set({ error: errorData(error) });
    }
  },
  select(selectedId) {
    set({ selectedId });
  },
  setRun(run) {
    set({ run });
  },
  setPreflight(report) {
    set((state) => ({ preflights: { ...state.preflights, [report.showId]: report } }));
  },
}));

subscribe('shows.changed', (shows) => useShowsStore.setState({ shows }));
subscribe('shows.run', (run) => useShowsStore.getState().setRun(run));
subscribe('shows.preflight', (report) => useShowsStore.getState().setPreflight(report));
