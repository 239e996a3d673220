import { type CSSVariablesResolver, createTheme, Drawer, type MantineThemeOverride, Modal } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons above WCAG AA's 4.5:1 (shade 6 is about 4.3:1).
  primaryShade: { light: 8, dark: 8 },
  // Filled badges and buttons get black or white text, whichever contrasts more: 0.179 is the
  // luminance where both are equal (Mantine's default 0.3 leaves white on green 8 at 3.4:1).
  autoContrast: true,
  luminanceThreshold: 0.179,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif',
});

/** The theme with the page's language: every dialog's close button gets a name (Mantine's has none). */
export function themeFor(closeLabel: string): MantineThemeOverride {
  return {
    ...theme,
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
    },
  };
}

/** Mixes a #rrggbb colour with black: `amount` 0 keeps it, 1 gives black. */
function darken(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 0xff) * (1 - amount));
  return `#${[16, 8, 0].map((shift) => channel(shift).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Mantine's light "dimmed" text (gray 6) reads at about 3.3:1 on white and its error red (red 6) at
 * about 3.5:1; gray 7 and red 9 pass WCAG AA. The light variant's text (shade 9 on a tint of the same
 * colour: badges, active links) falls to 3.8:1 for green and lower for yellow: a darker shade 9 passes.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const lightColours: Record<string, string> = {};
  for (const [name, shades] of Object.entries(resolved.colors)) {
    const nine = shades[9];
    if (nine?.startsWith('#') && nine.length === 7)
      lightColours[`--mantine-color-${name}-light-color`] = darken(nine, name === 'yellow' ? 0.55 : 0.35);
  }
  return {
    variables: {},
    light: {
      ...lightColours,
      '--mantine-color-dimmed': resolved.colors.gray[7] ?? '#495057',
      '--mantine-color-error': resolved.colors.red[9] ?? '#c92a2a',
    },
    // Dark "dimmed" (dark 2) measures 3.9:1 on cards and 3.4:1 on hovered rows; dark 1 passes on both.
    dark: { '--mantine-color-dimmed': resolved.colors.dark[1] ?? '#b8b8b8' },
  };
};
