/** What the run view needs of a keydown and of the element that has the focus. */
export interface GoKeyEvent {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
  target: { tagName?: string; isContentEditable?: boolean; getAttribute?(name: string): string | null } | null;
}

/** Elements where Space types or presses something of their own. */
const ownsSpace = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A']);

/**
 * Whether a keydown inside the run view is the producer's Go: Space alone, not held down (a held key
 * repeats and would fire cue after cue), and not in a text field or on a control whose own Space
 * would also act (a button presses itself, a checkbox toggles). Listed in the shortcuts table as
 * handled by the view: it never fires from another screen.
 */
export function isGoKey(event: GoKeyEvent): boolean {
  if (event.key !== ' ' && event.code !== 'Space') return false;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.repeat) return false;
  const target = event.target;
  if (!target) return true;
  if (target.isContentEditable) return false;
  if (target.tagName && ownsSpace.has(target.tagName.toUpperCase())) return false;
  const role = target.getAttribute?.('role');
  return !(role && ['button', 'checkbox', 'switch', 'radio', 'textbox', 'combobox', 'option', 'menuitem', 'tab'].includes(role));
}
