import type { Settings } from '../../../shared/contract/system';
import { invoke } from '../api/client';
import { createRemoteStore } from '../api/remote-store';

export const useSettingsStore = createRemoteStore({
  initial: { settings: null as Settings | null },
  load: async () => ({ settings: await invoke('system.getSettings', {}) }),
  // Another window or tab changed a preference: follow it.
  events: { 'system.settingsChanged': (settings) => ({ settings }) },
});

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  useSettingsStore.setState({ settings: await invoke('system.updateSettings', patch) });
}
