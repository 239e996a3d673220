import { type ComponentType, lazy, useState } from 'react';

/** A screen's component; `preload` (on-demand screens only) fetches its chunk ahead of being shown. */
export type ScreenComponent = ComponentType & { preload?: () => Promise<unknown> };

/**
 * A screen whose code is its own chunk. Shown before the chunk is there, it renders through
 * `React.lazy` (the nearest Suspense boundary shows a loader); shown after `preload`, it renders the
 * screen directly, so switching to a preloaded screen never shows the loader. Each mount keeps the
 * component it started with: switching from the lazy stand-in to the screen would remount it.
 */
export function onDemand(load: () => Promise<ComponentType>): ScreenComponent {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // A failed fetch (the host restarting) may be retried by the next preload or visit.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per screen when screens.tsx loads, never during a render
  function OnDemandScreen() {
    const [Screen] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Screen />;
  }
  return Object.assign(OnDemandScreen, { preload });
}

/**
 * Fetches the on-demand screens one at a time while the page is idle, in navigation order, so
 * switching screens stays instant without their code delaying the first screen.
 */
export function preloadScreens(components: readonly ScreenComponent[]): void {
  const pending = components.filter((component) => component.preload);
  // Safari has no requestIdleCallback; a short timeout stands in for it there.
  const whenIdle = (run: () => void) =>
    typeof window.requestIdleCallback === 'function' ? window.requestIdleCallback(run, { timeout: 2000 }) : window.setTimeout(run, 200);
  const next = () => {
    const component = pending.shift();
    if (!component?.preload) return;
    void component.preload().then(
      () => whenIdle(next),
      () => whenIdle(next),
    );
  };
  whenIdle(next);
}
