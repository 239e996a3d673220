/**
 * Data that comes from main, in one shape for every domain (presets, accounts, tasks, ...):
 *
 *   export const usePresetsStore = createRemoteStore({
 *     initial: { presets: null as PresetView[] | null },
 *     load: async () => ({ presets: await invoke('presets.list', {}) }),
 *     events: { 'presets.changed': (presets) => ({ presets }) },
 *   });
 *
 * - The store's state is `initial`'s fields, plus `loaded` (an answer, data or failure, has come),
 *   `error` (the last load's failure, cleared by the next good load) and `load()` (first load and
 *   Retry alike; an answer older than the newest load is dropped).
 * - `events` are main's announcements this data follows: each gives a patch of the fields from the
 *   payload and the current state. An event that carries the whole data may also say `error: null`.
 * - Nothing listens until the root calls `connectStores(transport)` (app/connect-stores.ts), which
 *   calls every store's `connect` and disposes them together: importing a store opens nothing.
 * UI-only state (selections, filters, open dialogs) stays in plain zustand stores.
 */
import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { AppErrorData, EventMap, EventName } from '../../../shared/contract';
import { errorData } from './client';

export type RemoteState<T> = T & {
  loaded: boolean;
  error: AppErrorData | null;
  load(): Promise<void>;
};

export type EventPatch<T> = Partial<T> & { error?: null };

export type RemoteEvents<T> = { [E in EventName]?: (payload: EventMap[E], current: RemoteState<T>) => EventPatch<T> };

/** How a store listens: the transport's `on`. */
export type Listen = <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) => () => void;

export type RemoteStore<T> = UseBoundStore<StoreApi<RemoteState<T>>> & {
  /** Starts following the events; returns the dispose. */
  connect(on: Listen): () => void;
};

export function createRemoteStore<T extends object>(spec: {
  initial: T;
  load: () => Promise<T>;
  events?: RemoteEvents<T>;
}): RemoteStore<T> {
  let generation = 0;
  const store = create<RemoteState<T>>()((set) => ({
    ...spec.initial,
    loaded: false,
    error: null,
    async load() {
      const mine = ++generation;
      try {
        const data = await spec.load();
        if (mine === generation) set({ ...data, loaded: true, error: null } as Partial<RemoteState<T>>);
      } catch (error) {
        if (mine === generation) set({ loaded: true, error: errorData(error) } as Partial<RemoteState<T>>);
      }
    },
  }));

  const connect = (on: Listen) => {
    const disposers = Object.entries(spec.events ?? {}).map(([event, toPatch]) =>
      on(event as EventName, (payload) => {
        const patch = (toPatch as (payload: unknown, current: RemoteState<T>) => EventPatch<T>)(payload, store.getState());
        store.setState(patch as Partial<RemoteState<T>>);
      }),
    );
    return () => {
      for (const dispose of disposers) dispose();
    };
  };
  return Object.assign(store, { connect });
}
