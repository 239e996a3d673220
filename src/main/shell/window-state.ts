import { z } from 'zod';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(16384),
  height: z.number().int().min(480).max(16384),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const windowStateDocument = {
  file: 'window-state.json',
  version: 1,
  schema: windowStateSchema,
  empty: (): WindowState => ({ width: 1280, height: 800, maximized: false }),
};

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Keeps a remembered position only if most of the window still lands on a connected display. */
export function placeOnScreen(state: WindowState, displays: Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y, width, height } = state as Required<WindowState>;
  const visible = displays.some((d) => {
    const overlapX = Math.max(0, Math.min(x + width, d.x + d.width) - Math.max(x, d.x));
    const overlapY = Math.max(0, Math.min(y + height, d.y + d.height) - Math.max(y, d.y));
    return overlapX * overlapY >= (width * height) / 2;
  });
  return visible ? state : { width, height, maximized: state.maximized };
}
