import { type ScreenId, screenIds } from './screen-ids';

/** What a shortcut does; the keyboard layer maps every one to a handler (a missing one fails to compile). */
export type ShortcutAction = 'palette' | 'help' | 'launch' | `screen:${ScreenId}`;

export interface KeyCombo {
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  mod?: true;
  alt?: true;
  shift?: true;
  /** The key as `KeyboardEvent.key` names it ("k", "Enter", "F1", "?"), or the digit of a physical key. */
  key: string;
  /**
   * Match the physical key (`KeyboardEvent.code`) rather than the character: Alt+1 types "¡" on a
   * Mac keyboard, so a character match would never fire there.
   */
  code?: string;
}

export interface Shortcut {
  /** Each combo triggers it; the first is the one shown first. */
  combos: KeyCombo[];
  /** Key in the "common" namespace. */
  description: `shortcuts.do.${string}`;
  /** Interpolation for the description (values are keys in "common", translated when shown). */
  descriptionScreen?: `nav.${string}`;
  /** Also fires while typing in a field: the palette, and the screen keys (Alt+digit types nothing worth keeping). */
  inFields?: true;
  /** Handled by the dialogs themselves (Mantine closes a modal on Escape); listed, not bound. */
  handledByDialogs?: true;
  /**
   * Handled by one view itself, only while the focus is inside it (Space on a running show's view:
   * a page-wide Space would fire a cue from anywhere); listed, not bound.
   */
  handledByView?: true;
  action?: ShortcutAction;
}

/** Alt+1 to Alt+9 follow the navigation order, whatever it is. */
const screenShortcuts: Shortcut[] = screenIds.slice(0, 9).map((id, index) => ({
  combos: [{ alt: true, key: String(index + 1), code: `Digit${index + 1}` }],
  description: 'shortcuts.do.goTo',
  descriptionScreen: `nav.${id}`,
  // Whatever control has the focus: a producer in the media search must still reach the board at once.
  inFields: true,
  action: `screen:${id}`,
}));

/** The one table of shortcuts: the hotkeys are bound from it and the help panel lists it. */
export const shortcuts: Shortcut[] = [
  { combos: [{ mod: true, key: 'k' }], description: 'shortcuts.do.palette', inFields: true, action: 'palette' },
  { combos: [{ shift: true, key: '?' }, { key: 'F1' }], description: 'shortcuts.do.help', action: 'help' },
  ...screenShortcuts,
  { combos: [{ mod: true, key: 'Enter' }], description: 'shortcuts.do.launch', action: 'launch' },
  { combos: [{ key: ' ', code: 'Space' }], description: 'shortcuts.do.showGo', handledByView: true },
  { combos: [{ key: 'Escape' }], description: 'shortcuts.do.close', handledByDialogs: true },
];

/** Mantine's `useHotkeys` notation: "mod+k", "alt+digit1", "shift+?". */
export function hotkeyOf(combo: KeyCombo): string {
  const parts: string[] = [];
  if (combo.mod) parts.push('mod');
  if (combo.alt) parts.push('alt');
  if (combo.shift) parts.push('shift');
  parts.push((combo.code ?? combo.key).toLowerCase());
  return parts.join('+');
}

/** The keys as a user reads them: "Ctrl", "Alt", "1" (or "⌘", "⌥", "1" on macOS). */
export function keysOf(combo: KeyCombo, mac: boolean): string[] {
  const keys: string[] = [];
  if (combo.mod) keys.push(mac ? '⌘' : 'Ctrl');
  if (combo.alt) keys.push(mac ? '⌥' : 'Alt');
  // "?" already means Shift+/ on most layouts: showing Shift as well would mislead.
  if (combo.shift && combo.key !== '?') keys.push(mac ? '⇧' : 'Shift');
  keys.push(keyLabels[combo.key] ?? combo.key.toUpperCase());
  return keys;
}

const keyLabels: Record<string, string> = { Enter: 'Enter', Escape: 'Esc', F1: 'F1', '?': '?', ' ': 'Space' };

export function isMac(platform: string): boolean {
  return /mac|iphone|ipad/i.test(platform);
}

/** The shortcut of an action, for showing next to the control that does the same. */
export function shortcutFor(action: ShortcutAction): Shortcut | undefined {
  return shortcuts.find((shortcut) => shortcut.action === action);
}
