import {
  IconBroadcast,
  IconKey,
  IconListDetails,
  IconMovie,
  IconPlayerPlay,
  IconSettings,
  IconTemplate,
  IconTimeline,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { LaunchScreen } from '../features/launch/LaunchScreen';
import { type ScreenId, screenIds } from './screen-ids';
import { onDemand, type ScreenComponent } from './screen-on-demand';

export interface Screen {
  id: ScreenId;
  /** Key in the "common" namespace. */
  label: `nav.${string}`;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  component: ScreenComponent;
}

/** A screen in a chunk of its own, labelled `nav.<id>`. */
const lazy = (id: ScreenId, icon: Screen['icon'], load: () => Promise<ComponentType>): Screen => ({
  id,
  label: `nav.${id}`,
  icon,
  component: onDemand(load),
});

/**
 * The navigation; each feature adds its screen here and its id in `screen-ids.ts`. Launch, the
 * screen the app opens on, is in the first chunk; every other screen is its own chunk, fetched when
 * the page is idle after the first render (`preloadScreens`) or when first shown.
 */
const unordered: Screen[] = [
  lazy('system', IconSettings, () => import('../features/system/SystemScreen').then((m) => m.SystemScreen)),
  lazy('tasks', IconBroadcast, () => import('../features/tasks/TasksScreen').then((m) => m.TasksScreen)),
  lazy('shows', IconTimeline, () => import('../features/shows/ShowsScreen').then((m) => m.ShowsScreen)),
  lazy('accounts', IconKey, () => import('../features/accounts/AccountsScreen').then((m) => m.AccountsScreen)),
  lazy('media', IconMovie, () => import('../features/media/MediaScreen').then((m) => m.MediaScreen)),
  lazy('presets', IconTemplate, () => import('../features/presets/PresetsScreen').then((m) => m.PresetsScreen)),
  { id: 'launch', label: 'nav.launch', icon: IconPlayerPlay, component: LaunchScreen },
  lazy('log', IconListDetails, () => import('../features/log/LogScreen').then((m) => m.LogScreen)),
];

/** In the order of `screenIds`. */
export const screens: Screen[] = screenIds.map((id) => {
  const screen = unordered.find((candidate) => candidate.id === id);
  if (!screen) throw new Error(`No component for screen ${id}`);
  return screen;
});
