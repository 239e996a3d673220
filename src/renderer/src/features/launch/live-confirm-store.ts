import { create } from 'zustand';
import { mayBeBilled, type Target } from '../accounts/target';

const skipKey = 'ingest-desk.skipLiveConfirm';

interface LiveConfirmState {
  /** Targets confirmed in this page session (by app, or by SdkAppId for an unknown app). */
  confirmed: string[];
  /** Apps whose single launches no longer ask (a per-app preference kept in this browser profile). */
  skipped: string[];
  markConfirmed(target: Target): void;
  setSkipped(appId: string, skip: boolean): void;
}

const keyOf = (target: Target) => target.appId ?? `sdk:${target.sdkAppId}`;

/**
 * The first single launch into each live app in a session asks first; a batch with live items always
 * asks (see BatchDialog). In-memory on purpose: a reload or a restart is a new session.
 */
export const useLiveConfirmStore = create<LiveConfirmState>((set, get) => ({
  confirmed: [],
  skipped: readSkipped(),
  markConfirmed(target) {
    const key = keyOf(target);
    if (!get().confirmed.includes(key)) set({ confirmed: [...get().confirmed, key] });
  },
  setSkipped(appId, skip) {
    const skipped = skip ? [...new Set([...get().skipped, appId])] : get().skipped.filter((id) => id !== appId);
    try {
      window.localStorage.setItem(skipKey, JSON.stringify(skipped));
    } catch {
      // Storage may be disabled: the choice then lasts for this page only.
    }
    set({ skipped });
  },
}));

/** Whether a single launch into this target must be confirmed first. */
export function needsLiveConfirm(target: Target): boolean {
  if (!mayBeBilled(target)) return false;
  const { confirmed, skipped } = useLiveConfirmStore.getState();
  if (target.appId && skipped.includes(target.appId)) return false;
  return !confirmed.includes(keyOf(target));
}

function readSkipped(): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(skipKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
