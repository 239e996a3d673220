/**
 * First run: a new user finds one sample media entry and one sample preset on the built-in sandbox
 * app, so "Launch → the sample preset → Launch" gives a TaskId within a minute. It happens once: a
 * marker in `first-run.json` says it was done, so deleting the samples does not bring them back.
 */
import { z } from 'zod';
import type { MediaEntry } from '../../shared/contract/media';
import { type PresetDraft, presetDraftSchema } from '../../shared/contract/presets';
import type { StoredApp } from '../accounts/accounts-document';
import type { StoredDocument } from '../storage/stored-document';
import type { Clock } from './clock';

export const firstRunSchema = z
  .object({
    /** When first run was settled; null until then. */
    completedAt: z.string().max(40).nullable(),
    /** Whether samples were added (false for a data dir that already had media or presets). */
    samplesAdded: z.boolean(),
  })
  .strict();
export type FirstRun = z.infer<typeof firstRunSchema>;

export const firstRunDocument = {
  file: 'first-run.json',
  version: 1,
  schema: firstRunSchema,
  empty: (): FirstRun => ({ completedAt: null, samplesAdded: false }),
};

/**
 * A real public MP4 (the Sintel trailer, 52 s, served by the W3C). The sandbox never fetches it: it
 * reads the length from the `#duration=` fragment, which the real API ignores (a fragment is not sent
 * in an HTTP request), so the same URL works on a real app too.
 */
export const sampleMediaUrl = 'https://media.w3.org/2010/05/sintel/trailer.mp4#duration=52';

/** What seeding needs from the media, presets and accounts domains. */
export interface FirstRunPorts {
  mediaCount(): Promise<number>;
  presetCount(): Promise<number>;
  /** The built-in sandbox app, or undefined when it could not be created (no keychain yet). */
  sandboxApp(): StoredApp | undefined;
  /** The region the sandbox profile signs for. */
  sandboxRegion(app: StoredApp): string;
  addMedia(draft: { url: string; name: string; tags: string[]; notes: string }): Promise<MediaEntry>;
  addPreset(draft: PresetDraft): Promise<{ id: string }>;
}

export type FirstRunOutcome = 'seeded' | 'existing-data' | 'already-done' | 'waiting-for-sandbox';

/** The languages of the page: samples are named in the one the producer sees on first start. */
export type SampleLanguage = 'en' | 'zh-CN';

const sampleTexts = {
  en: {
    mediaName: 'Sample: Sintel trailer (52 s)',
    mediaNotes: 'A sample made on first start. The sandbox does not download it; it reads the length from #duration=52.',
    presetName: 'Sample: Sintel trailer to sandbox room',
    presetNotes: 'A sample made on first start: it launches into the built-in sandbox. Delete it when you no longer need it.',
    tag: 'sample',
  },
  'zh-CN': {
    mediaName: '示例：Sintel 预告片（52 秒）',
    mediaNotes: '首次启动时创建的示例。沙盒不会下载它，只从 #duration=52 读取时长。',
    presetName: '示例：Sintel 预告片推入沙盒房间',
    presetNotes: '首次启动时创建的示例：推流到内置沙盒。不再需要时可删除。',
    tag: '示例',
  },
} as const satisfies Record<SampleLanguage, Record<string, string>>;

/** The page's language for a language setting ('system' follows the OS locale, as the page does). */
export function sampleLanguageOf(setting: string, systemLocale: string): SampleLanguage {
  const chosen = setting === 'system' ? systemLocale : setting;
  return chosen.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The sample preset: one play of the sample clip into a sandbox room, with a generated UserSig. */
export function samplePresetDraft(app: StoredApp, region: string, entryId: string, language: SampleLanguage = 'en'): PresetDraft {
  const text = sampleTexts[language];
  return presetDraftSchema.parse({
    name: text.presetName,
    sdkAppId: app.sdkAppId,
    region,
    roomIdType: 1,
    roomId: '8888',
    userId: `${app.defaults.robotUserIdPrefix}sample`,
    media: { kind: 'library', entryId },
    repeatNum: 1,
    maxDuration: null,
    volume: 100,
    seekSecond: 0,
    autoPush: false,
    enableProgress: false,
    tempo: 1,
    idleTimeout: null,
    userSig: { mode: 'generate', expirySeconds: app.defaults.userSigExpirySeconds },
    privateMapKey: { mode: 'none' },
    notes: text.presetNotes,
    tags: [text.tag],
    folder: '',
  });
}

/**
 * Seeds the samples on the very first start. A data dir that already has media or presets only gets
 * the marker (an upgrade, or a user who deleted the marker file keeps their own data untouched).
 * Without the sandbox app (keychain unavailable) nothing is marked, so a later start tries again.
 */
export async function runFirstRun(
  document: StoredDocument<FirstRun>,
  ports: FirstRunPorts,
  clock: Clock,
  language: SampleLanguage = 'en',
): Promise<FirstRunOutcome> {
  if (document.value.completedAt !== null) return 'already-done';
  const mark = (samplesAdded: boolean) => document.update(() => ({ completedAt: new Date(clock.now()).toISOString(), samplesAdded }));
  if ((await ports.mediaCount()) > 0 || (await ports.presetCount()) > 0) {
    await mark(false);
    return 'existing-data';
  }
  const app = ports.sandboxApp();
  if (!app) return 'waiting-for-sandbox';
  const text = sampleTexts[language];
  const entry = await ports.addMedia({ url: sampleMediaUrl, name: text.mediaName, tags: [text.tag], notes: text.mediaNotes });
  await ports.addPreset(samplePresetDraft(app, ports.sandboxRegion(app), entry.id, language));
  await mark(true);
  return 'seeded';
}
