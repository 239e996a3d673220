import { create } from 'zustand';
import type { PresetView } from '../../../../shared/contract/presets';
import { invoke, subscribe } from '../../api/client';

interface PresetsState {
  presets: PresetView[] | null;
  error: string | null;
  load(): Promise<void>;
}

export const usePresetsStore = create<PresetsState>((set) => ({
  presets: null,
  error: null,
  async load() {
    try {
      set({ presets: await invoke('presets.list', {}), error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  },
}));

// Main announces every change (this window's or another's): follow it.
subscribe('presets.changed', (presets) => usePresetsStore.setState({ presets }));
