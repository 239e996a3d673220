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

export interface KeychainStatus {
  state: KeychainState;
  /** Where secrets go, e.g. "Secret Service (libsecret)"; never a secret. */
  backend: string;
  /** Why the keychain cannot be used, in English; the page shows a translated guide by `state`. */
  detail?: string;
  platform: string;
}

export interface StoreProblem {
  store: string;
  /** `sync-failed`: the disk refused to flush written changes (they may not survive a power loss). */
  kind: 'corrupt' | 'newer-version' | 'sync-failed';
  /** File name (inside the data dir) the unreadable document was kept under, or the file that failed to sync. */
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
