import { create } from 'zustand';
import type { PreflightReport } from '../../../../shared/shows/preflight';
import type { ShowRun } from '../../../../shared/shows/run-state';
import type { ShowSummary } from '../../../../shared/shows/show-schema';
import { invoke } from '../../api/client';
import { createRemoteStore } from '../../api/remote-store';

/**
 * The show list, the armed show's run (one at a time, null when none) and the last pre-flight of
 * each show this page saw (asked for here, or the automatic one main pushes), kept by main's events.
 * A load starts the pre-flights afresh: the panel asks main for a show's last one when it has none.
 */
export const useShowsStore = createRemoteStore({
  initial: {
    shows: null as ShowSummary[] | null,
    run: null as ShowRun | null,
    preflights: {} as Record<string, PreflightReport>,
  },
  load: async () => {
    const [shows, run] = await Promise.all([invoke('shows.list', {}), invoke('shows.run', {})]);
    return { shows, run, preflights: {} };
  },
  events: {
    'shows.changed': (shows) => ({ shows }),
    'shows.run': (run) => ({ run }),
    'shows.preflight': (report, current) => ({ preflights: { ...current.preflights, [report.showId]: report } }),
  },
});

/** Keeps a run main answered to a call (its event may come before or after the answer). */
export function keepRun(run: ShowRun | null): void {
  useShowsStore.setState({ run });
}

/** Keeps a pre-flight main answered to a call. */
export function keepPreflight(report: PreflightReport): void {
  useShowsStore.setState((state) => ({ preflights: { ...state.preflights, [report.showId]: report } }));
}

/** The show open on the Shows screen ('new': one being written, not saved yet): UI state only. */
export const useShowSelection = create<{ selectedId: string | null; select(id: string | null): void }>((set) => ({
  selectedId: null,
  select: (selectedId) => set({ selectedId }),
}));
