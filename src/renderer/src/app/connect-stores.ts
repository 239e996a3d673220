import { installTransport } from '../api/client';
import type { Transport } from '../api/transport';
import { useAccountsStore } from '../features/accounts/accounts-store';
import { useLaunchRecordsStore } from '../features/launch/launch-records-store';
import { useMediaStore } from '../features/media/media-store';
import { connectMediaView } from '../features/media/media-view-store';
import { usePresetsStore } from '../features/presets/presets-store';
import { useShowsStore } from '../features/shows/shows-store';
import { useTasksStore as useLiveTasksStore } from '../features/tasks/tasks-store';
import { useSettingsStore } from './settings-store';

/**
 * The page's one connection to main, made by the root (main.tsx) or a test: installs the transport
 * for every call and starts each store following its events. The returned dispose stops them all.
 */
export function connectStores(transport: Transport): () => void {
  installTransport(transport);
  const on = transport.on.bind(transport);
  const disposers = [
    useSettingsStore.connect(on),
    useAccountsStore.connect(on),
    usePresetsStore.connect(on),
    useLaunchRecordsStore.connect(on),
    useLiveTasksStore.connect(on),
    useMediaStore.connect(on),
    useShowsStore.connect(on),
    connectMediaView(on),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    installTransport(null);
  };
}
