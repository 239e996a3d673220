import { useAccountsStore } from '../features/accounts/accounts-store';
import { useTasksStore as useLaunchRecordsStore } from '../features/launch/tasks-store';
import { usePresetsStore } from '../features/presets/presets-store';
import { useTasksStore as useLiveTasksStore } from '../features/tasks/tasks-store';
import { useSettingsStore } from './settings-store';

/**
 * What the first screen (Launch, with the header and status bar) reads, asked for as soon as this
 * module is evaluated: `main.tsx` imports it first, so the calls leave before the rest of the page's
 * code (React, Mantine, the screens) is evaluated, and the host answers while that runs instead of
 * after the first render. Each store keeps its own load; the components' mount effects skip or
 * repeat it as before.
 */
export const firstScreenData: Promise<void> = Promise.all([
  useSettingsStore.getState().load(),
  useAccountsStore.getState().load(),
  useLiveTasksStore.getState().load(),
  useLaunchRecordsStore.getState().load(),
  usePresetsStore.getState().load(),
]).then(() => undefined);
