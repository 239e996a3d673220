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
/** How many `shows.run` events came: an answer to a run call is kept only if none came while it ran. */
let runEvents = 0;

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
    'shows.run': (run) => {
      runEvents += 1;
      return { run };
    },
    'shows.preflight': (report, current) => ({ preflights: { ...current.preflights, [report.showId]: report } }),
  },
});

/**
 * Sends a run call (go, hold, fire, arm, ...) and keeps main's answer, unless a `shows.run` event
 * came while it ran: main announces every change, and an event that overtook the answer is newer
 * (Go's answer says cue 1 is firing; the event that it is done can arrive first).
 */
export async function runCall(send: () => Promise<ShowRun>): Promise<void> {
  const mark = runEvents;
  const run = await send();
  if (runEvents === mark) useShowsStore.setState({ run });
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
