import { getHotkeyHandler } from '@mantine/hooks';
import { describe, expect, it } from 'vitest';
import { resources } from '../i18n/resources';
import { screenIds } from './screen-ids';
import { hotkeyOf, keysOf, shortcuts } from './shortcuts';

/** A keydown as the browser reports it. */
function keydown(init: Partial<KeyboardEvent>): KeyboardEvent {
  return {
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    key: '',
    code: '',
    preventDefault() {},
    ...init,
  } as KeyboardEvent;
}

/** Runs Mantine's own matcher, as `useHotkeys` does, on one combination of the table. */
function matches(combo: (typeof shortcuts)[number]['combos'][number], event: KeyboardEvent): boolean {
  let fired = false;
  getHotkeyHandler([[hotkeyOf(combo), () => (fired = true), { usePhysicalKeys: combo.code !== undefined }]])(event);
  return fired;
}

describe('the shortcuts table', () => {
  const combos = shortcuts.flatMap((shortcut) => shortcut.combos.map((combo) => ({ shortcut, combo })));

  it('has one Alt+digit per screen, in navigation order, and no combination twice', () => {
    expect(shortcuts.filter((shortcut) => shortcut.action?.startsWith('screen:')).map((shortcut) => shortcut.action)).toEqual(
      screenIds.map((id) => `screen:${id}`),
    );
    const hotkeys = combos.map(({ combo }) => hotkeyOf(combo));
    expect(new Set(hotkeys).size).toBe(hotkeys.length);
  });

  it('binds what it shows: each combination fires on the keys a user presses, and not without its modifier', () => {
    const palette = shortcuts[0]?.combos[0];
    if (!palette) throw new Error('no palette shortcut');
    expect(matches(palette, keydown({ ctrlKey: true, key: 'k', code: 'KeyK' }))).toBe(true);
    expect(matches(palette, keydown({ metaKey: true, key: 'k', code: 'KeyK' }))).toBe(true);
    expect(matches(palette, keydown({ key: 'k', code: 'KeyK' }))).toBe(false);
    // Alt+1 on a Mac layout types "¡": the physical key still matches.
    const first = combos.find(({ shortcut }) => shortcut.action === `screen:${screenIds[0]}`)?.combo;
    if (!first) throw new Error('no screen shortcut');
    expect(matches(first, keydown({ altKey: true, key: '¡', code: 'Digit1' }))).toBe(true);
    expect(matches(first, keydown({ key: '1', code: 'Digit1' }))).toBe(false);
    const help = combos.filter(({ shortcut }) => shortcut.action === 'help').map(({ combo }) => combo);
    expect(help.some((combo) => matches(combo, keydown({ shiftKey: true, key: '?', code: 'Slash' })))).toBe(true);
    expect(help.some((combo) => matches(combo, keydown({ key: 'F1', code: 'F1' })))).toBe(true);
    expect(keysOf(first, false)).toEqual(['Alt', '1']);
    expect(keysOf(palette, true)).toEqual(['⌘', 'K']);
  });

  it("lists the show's Go (Space) as the run view's own key: shown as Space, never bound page-wide", () => {
    const go = shortcuts.find((shortcut) => shortcut.description === 'shortcuts.do.showGo');
    expect(go?.handledByView).toBe(true);
    expect(go?.action).toBeUndefined();
    const combo = go?.combos[0];
    if (!combo) throw new Error('no Go shortcut');
    expect(keysOf(combo, false)).toEqual(['Space']);
    expect(matches(combo, keydown({ key: ' ', code: 'Space' }))).toBe(true);
  });

  it('describes every shortcut in both languages', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      for (const shortcut of shortcuts) {
        const path = shortcut.description.split('.');
        const text = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], resources[language].common);
        expect(typeof text, `${language} ${shortcut.description}`).toBe('string');
      }
    }
  });
});
