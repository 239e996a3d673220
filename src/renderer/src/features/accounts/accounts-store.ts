import { create } from 'zustand';
import type { AccountsOverview, AppView } from '../../../../shared/contract/accounts';
import { invoke } from '../../api/client';
import { createRemoteStore } from '../../api/remote-store';

export const useAccountsStore = createRemoteStore({
  /** Profiles and apps as main describes them: never a secret, only whether one is set. */
  initial: { overview: null as AccountsOverview | null },
  load: async () => ({ overview: await invoke('accounts.overview', {}) }),
  // Any change (this window or another) arrives as an event with the whole new overview.
  events: { 'accounts.changed': (overview) => ({ overview, error: null }) },
});

const selectedKey = 'ingest-desk.selectedAppId';

interface SelectedAppState {
  selectedAppId: string | null;
  select(appId: string | null): void;
}

/** The app the producer is working with; other screens read it through `useSelectedApp`. */
export const useSelectedAppStore = create<SelectedAppState>((set) => ({
  selectedAppId: readSelected(),
  select(appId) {
    try {
      if (appId) window.localStorage.setItem(selectedKey, appId);
      else window.localStorage.removeItem(selectedKey);
    } catch {
      // Storage may be disabled; the choice then lasts for this page only.
    }
    set({ selectedAppId: appId });
  },
}));

function readSelected(): string | null {
  try {
    return window.localStorage.getItem(selectedKey);
  } catch {
    return null;
  }
}

/** The selected app, or the first one when none (or a deleted one) is selected. */
export function useSelectedApp(): AppView | undefined {
  const apps = useAccountsStore((state) => state.overview?.apps);
  const selectedAppId = useSelectedAppStore((state) => state.selectedAppId);
  return apps?.find((app) => app.id === selectedAppId) ?? apps?.[0];
}
