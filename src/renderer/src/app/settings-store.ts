import { create } from 'zustand';
import type { Settings } from '../../../shared/contract/system';
import { invoke, subscribe } from '../api/client';

interface SettingsState {
  settings: Settings | null;
  error: string | null;
  load(): Promise<void>;
  update(patch: Partial<Settings>): Promise<void>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  error: null,
  async load() {
    try {
      set({ settings: await invoke('system.getSettings', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
  async update(patch) {
    set({ settings: await invoke('system.updateSettings', patch) });
  },
}));

// Another window or tab changed a preference: follow it.
subscribe('system.settingsChanged', (settings) => useSettingsStore.setState({ settings }));
