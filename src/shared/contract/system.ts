import { z } from 'zod';
import { call, returns } from './define';

export const languageSetting = z.enum(['system', 'en', 'zh-CN']);
export const themeSetting = z.enum(['system', 'light', 'dark']);

export const settingsSchema = z.object({
  language: languageSetting,
  theme: themeSetting,
});
export type Settings = z.infer<typeof settingsSchema>;

export type KeychainState = 'available' | 'unavailable' | 'locked' | 'timeout';

/** Why the keychain cannot be used, when main recognises the library's message (translated by the page). */
export type KeychainCause = 'noDbus' | 'noSecretService' | 'locked' | 'noNativeModule' | 'timeout';

export interface KeychainStatus {
  state: KeychainState;
  /** Where secrets go, e.g. "Secret Service (libsecret)"; never a secret. */
  backend: string;
  /** Why the keychain cannot be used, in English; the page shows a translated guide by `state`. */
  detail?: string;
  /** The recognised cause of `detail`, for the page's translated explanation. */
  cause?: KeychainCause;
  platform: string;
}

export interface StoreProblem {
  store: string;
  /**
   * `sync-failed`: the disk refused to flush written changes (they may not survive a power loss).
   * `imported`: not a problem but a notice, on the start that imported an earlier version's JSON files.
   */
  kind: 'corrupt' | 'newer-version' | 'sync-failed' | 'imported';
  /** Where the unreadable data was kept (a file, or a `kept_aside` row), the file that failed to sync, or the folder of imported files. */
  keptAs: string;
  message: string;
  at: string;
}

export interface SystemInfo {
  appName: string;
  appVersion: string;
  platform: string;
  transport: 'electron' | 'browser';
  versions: Record<string, string>;
}

const noInput = z.object({}).strict();

export const systemCalls = {
  info: call(noInput, returns<SystemInfo>()),
  keychainStatus: call(noInput, returns<KeychainStatus>()),
  storeProblems: call(noInput, returns<StoreProblem[]>()),
  getSettings: call(noInput, returns<Settings>()),
  updateSettings: call(() => settingsSchema.partial().strict(), returns<Settings>()),
  openExternal: call(() => z.object({ url: z.string().max(2048) }).strict(), returns<{ opened: boolean }>()),
};

export const systemEvents = {
  'system.settingsChanged': returns<Settings>(),
};
