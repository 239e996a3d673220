/**
 * Focus never falls to the page body behind the user's back. When the focused control is disabled
 * (a button showing its loader during Launch or Stop) the focus comes back to it once it is enabled;
 * when it is removed (a stopped task's card leaves the board) the focus goes to the closest part of
 * what surrounded it that is still there (its list, its screen). A click elsewhere is left alone: the
 * control is then still there and enabled. Dialogs return the focus themselves (Mantine's returnFocus).
 */
export function installFocusKeeper(root: Document = document): () => void {
  let last: HTMLElement | null = null;
  let surroundings: HTMLElement[] = [];
  let waitingForEnable = false;
  // The control that opened the dialog the focus is in: where the focus goes when the dialog closes
  // and Mantine's return target could not take it (it was disabled by then, the launch under way).
  let opener: HTMLElement | null = null;

  const onFocusIn = (event: FocusEvent) => {
    if (!(event.target instanceof HTMLElement) || event.target === root.body) return;
    const inDialog = event.target.closest('[role="dialog"]') !== null;
    if (inDialog && last && last.closest('[role="dialog"]') === null) opener = last;
    if (!inDialog) opener = null;
    last = event.target;
    waitingForEnable = false;
    // Remembered now: once removed, the control has no parents to ask.
    surroundings = [];
    for (let node = last.parentElement; node && node !== root.body; node = node.parentElement) surroundings.push(node);
  };

  const check = () => {
    const active = root.activeElement;
    if (!last || (active && active !== root.body)) return;
    if (!last.isConnected) {
      const fallback = surroundings.find((node) => node.isConnected && isLandmark(node));
      if (fallback) {
        last = null;
        focusQuietly(fallback);
        return;
      }
      if (!opener?.isConnected) return;
      last = opener;
      opener = null;
      waitingForEnable = true;
    }
    if (isDisabled(last)) {
      waitingForEnable = true;
      return;
    }
    if (waitingForEnable) {
      waitingForEnable = false;
      last.focus({ preventScroll: true });
    }
  };

  const observer = new MutationObserver(check);
  observer.observe(root.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'data-loading'] });
  root.addEventListener('focusin', onFocusIn, true);
  return () => {
    observer.disconnect();
    root.removeEventListener('focusin', onFocusIn, true);
  };
}

function isDisabled(element: HTMLElement): boolean {
  return element.matches(':disabled') || element.dataset.loading !== undefined;
}

function isLandmark(node: HTMLElement): boolean {
  return node.matches('article, section, [role="region"], main');
}

function focusQuietly(node: HTMLElement): void {
  if (!node.hasAttribute('tabindex')) node.setAttribute('tabindex', '-1');
  node.focus({ preventScroll: true });
}
