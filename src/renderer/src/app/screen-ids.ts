/**
 * Every screen's id, in navigation order. Kept apart from `screens.tsx` (which imports every screen)
 * so that screens can link to each other through the navigation store without an import cycle.
 */
export const screenIds = ['system', 'tasks', 'accounts', 'media', 'presets', 'launch', 'log'] as const;
export type ScreenId = (typeof screenIds)[number];

export function isScreenId(value: string): value is ScreenId {
  return (screenIds as readonly string[]).includes(value);
}
