import { describe, expect, it } from 'vitest';
import { type GoKeyEvent, isGoKey } from './go-key';

const element = (tagName: string, attributes: Record<string, string> = {}, isContentEditable = false) => ({
  tagName,
  isContentEditable,
  getAttribute: (name: string) => attributes[name] ?? null,
});

const space = (patch: Partial<GoKeyEvent> = {}): GoKeyEvent => ({
  key: ' ',
  code: 'Space',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  target: element('DIV'),
  ...patch,
});

describe('Space as Go in the run view', () => {
  it('is Go on the view itself (a focusable region)', () => {
    expect(isGoKey(space())).toBe(true);
    expect(isGoKey(space({ target: element('SECTION', { role: 'region' }) }))).toBe(true);
  });

  it('is not Go in a text field, a contenteditable or a control that answers Space itself', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A']) expect(isGoKey(space({ target: element(tag) })), tag).toBe(false);
    expect(isGoKey(space({ target: element('DIV', {}, true) }))).toBe(false);
    expect(isGoKey(space({ target: element('DIV', { role: 'switch' }) }))).toBe(false);
    expect(isGoKey(space({ target: element('DIV', { role: 'combobox' }) }))).toBe(false);
  });

  it('is not Go with a modifier, held down, or for another key', () => {
    expect(isGoKey(space({ shiftKey: true }))).toBe(false);
    expect(isGoKey(space({ ctrlKey: true }))).toBe(false);
    expect(isGoKey(space({ repeat: true }))).toBe(false);
    expect(isGoKey(space({ key: 'Enter', code: 'Enter' }))).toBe(false);
  });
});
