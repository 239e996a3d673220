import type { PresetView } from '../../../../shared/contract/presets';
import { invoke } from '../../api/client';
import { createRemoteStore } from '../../api/remote-store';

export const usePresetsStore = createRemoteStore({
  initial: { presets: null as PresetView[] | null },
  load: async () => ({ presets: await invoke('presets.list', {}) }),
  // Main announces every change (this window's or another's): follow it.
  events: { 'presets.changed': (presets) => ({ presets }) },
});
