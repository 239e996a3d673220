import { useAccountsStore } from '../features/accounts/accounts-store';
import { useLaunchRecordsStore } from '../features/launch/launch-records-store';
import { usePresetsStore } from '../features/presets/presets-store';
import { useTasksStore as useLiveTasksStore } from '../features/tasks/tasks-store';
import { useSettingsStore } from './settings-store';

/**
 * Asks for what the first screen (Launch, with the header and status bar) reads. `main.tsx` calls it
 * as soon as the stores are connected, so the calls leave before the rest of the page's code (React,
 * Mantine, the screens) is evaluated, and the host answers while that runs instead of after the
 * first render. Each store keeps its own load; the components' mount effects skip or repeat it as before.
 */
export function loadFirstScreenData(): Promise<void> {
  return Promise.all([
    useSettingsStore.getState().load(),
    useAccountsStore.getState().load(),
    useLiveTasksStore.getState().load(),
    useLaunchRecordsStore.getState().load(),
    usePresetsStore.getState().load(),
  ]).then(() => undefined);
}
