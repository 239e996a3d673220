import { create } from 'zustand';
import { isScreenId, type ScreenId, screenIds } from './screen-ids';

interface NavigationState {
  /** The screen shown. */
  current: ScreenId;
  /** Shows a screen; an unknown id is ignored. */
  go(id: string): void;
}

/**
 * Which screen is shown, in one store so the navigation bar, shortcuts, the command palette and
 * links inside screens all move the same way.
 */
export const useNavigationStore = create<NavigationState>((set) => ({
  current: screenIds[0],
  go(id) {
    if (isScreenId(id)) set({ current: id });
  },
}));
