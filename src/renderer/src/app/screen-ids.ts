/**
 * Every screen's id, in navigation order: the app opens on the first (Launch), and the screens used
 * live come first, set-up ones last. Kept apart from `screens.tsx` (which imports every screen)
 * so that screens can link to each other through the navigation store without an import cycle.
 */
export const screenIds = ['launch', 'tasks', 'shows', 'presets', 'media', 'log', 'accounts', 'system'] as const;
export type ScreenId = (typeof screenIds)[number];

export function isScreenId(value: string): value is ScreenId {
  return (screenIds as readonly string[]).includes(value);
}
