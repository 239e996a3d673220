import { create } from 'zustand';

interface LaunchSelectionState {
  /** The preset the keyboard acts on (Ctrl+Enter, the palette): the last one focused or picked. */
  selectedPresetId: string | null;
  /** A launch waiting for the user's confirmation: nothing is sent before they confirm. */
  confirmingPresetId: string | null;
  select(presetId: string | null): void;
  /** Asks to confirm a launch of this preset (or of the selected one). */
  requestLaunch(presetId?: string): void;
  dismiss(): void;
}

/**
 * Launching by keyboard always goes through a confirmation on the Launch screen, so no single
 * keystroke (palette Enter, Ctrl+Enter) can start a live stream.
 */
export const useLaunchSelectionStore = create<LaunchSelectionState>((set, get) => ({
  selectedPresetId: null,
  confirmingPresetId: null,
  select: (presetId) => set({ selectedPresetId: presetId }),
  requestLaunch(presetId) {
    const id = presetId ?? get().selectedPresetId;
    if (id) set({ selectedPresetId: id, confirmingPresetId: id });
  },
  dismiss: () => set({ confirmingPresetId: null }),
}));
