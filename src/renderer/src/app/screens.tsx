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

/**
 * The navigation; each feature adds its screen here and its id in `screen-ids.ts`. Launch, the
 * screen the app opens on, is in the first chunk; every other screen is its own chunk, fetched when
 * the page is idle after the first render (`preloadScreens`) or when first shown.
 */
const unordered: Screen[] = [
  {
    id: 'system',
    label: 'nav.system',
    icon: IconSettings,
    component: onDemand(() => import('../features/system/SystemScreen').then((m) => m.SystemScreen)),
  },
  {
    id: 'tasks',
    label: 'nav.tasks',
    icon: IconBroadcast,
    component: onDemand(() => import('../features/tasks/TasksScreen').then((m) => m.TasksScreen)),
  },
  {
    id: 'shows',
    label: 'nav.shows',
    icon: IconTimeline,
    component: onDemand(() => import('../features/shows/ShowsScreen').then((m) => m.ShowsScreen)),
  },
  {
    id: 'accounts',
    label: 'nav.accounts',
    icon: IconKey,
    component: onDemand(() => import('../features/accounts/AccountsScreen').then((m) => m.AccountsScreen)),
  },
  {
    id: 'media',
    label: 'nav.media',
    icon: IconMovie,
    component: onDemand(() => import('../features/media/MediaScreen').then((m) => m.MediaScreen)),
  },
  {
    id: 'presets',
    label: 'nav.presets',
    icon: IconTemplate,
    component: onDemand(() => import('../features/presets/PresetsScreen').then((m) => m.PresetsScreen)),
  },
  { id: 'launch', label: 'nav.launch', icon: IconPlayerPlay, component: LaunchScreen },
  {
    id: 'log',
    label: 'nav.log',
    icon: IconListDetails,
    component: onDemand(() => import('../features/log/LogScreen').then((m) => m.LogScreen)),
  },
];

/** In the order of `screenIds`. */
export const screens: Screen[] = screenIds.map((id) => {
  const screen = unordered.find((candidate) => candidate.id === id);
  if (!screen) throw new Error(`No component for screen ${id}`);
  return screen;
});
