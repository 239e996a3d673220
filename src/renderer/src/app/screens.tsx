import { IconBroadcast, IconKey, IconListDetails, IconMovie, IconPlayerPlay, IconSettings, IconTemplate } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { AccountsScreen } from '../features/accounts/AccountsScreen';
import { LaunchScreen } from '../features/launch/LaunchScreen';
import { LogScreen } from '../features/log/LogScreen';
import { MediaScreen } from '../features/media/MediaScreen';
import { PresetsScreen } from '../features/presets/PresetsScreen';
import { SystemScreen } from '../features/system/SystemScreen';
import { TasksScreen } from '../features/tasks/TasksScreen';
import { type ScreenId, screenIds } from './screen-ids';

export interface Screen {
  id: ScreenId;
  /** Key in the "common" namespace. */
  label: `nav.${string}`;
  icon: ComponentType<{ size?: number; stroke?: number }>;
  component: ComponentType;
}

/** The navigation; each feature adds its screen here and its id in `screen-ids.ts`. */
const unordered: Screen[] = [
  { id: 'system', label: 'nav.system', icon: IconSettings, component: SystemScreen },
  { id: 'tasks', label: 'nav.tasks', icon: IconBroadcast, component: TasksScreen },
  { id: 'accounts', label: 'nav.accounts', icon: IconKey, component: AccountsScreen },
  { id: 'media', label: 'nav.media', icon: IconMovie, component: MediaScreen },
  { id: 'presets', label: 'nav.presets', icon: IconTemplate, component: PresetsScreen },
  { id: 'launch', label: 'nav.launch', icon: IconPlayerPlay, component: LaunchScreen },
  { id: 'log', label: 'nav.log', icon: IconListDetails, component: LogScreen },
];

/** In the order of `screenIds`. */
export const screens: Screen[] = screenIds.map((id) => {
  const screen = unordered.find((candidate) => candidate.id === id);
  if (!screen) throw new Error(`No component for screen ${id}`);
  return screen;
});
