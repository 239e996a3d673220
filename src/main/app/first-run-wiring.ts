import type { AccountsService } from '../accounts/accounts-service';
import { sandboxSdkAppId } from '../accounts/built-in-sandbox';
import type { MediaService } from '../media/media-service';
import type { PresetService } from '../presets/preset-service';
import type { StoredDocument } from '../storage/stored-document';
import type { Clock } from './clock';
import { type FirstRun, type FirstRunOutcome, firstRunDocument, runFirstRun, type SampleLanguage } from './first-run';

export interface FirstRunDeps {
  open: (spec: typeof firstRunDocument) => Promise<StoredDocument<FirstRun>>;
  accounts: AccountsService;
  media: MediaService;
  presets: PresetService;
  clock: Clock;
  /** The language the page opens in: the samples are named in it. */
  language: SampleLanguage;
}

/** First run with the app's real services: the sample entry is not probed (no network is needed). */
export async function seedFirstRun(deps: FirstRunDeps): Promise<FirstRunOutcome> {
  const { accounts, media, presets } = deps;
  return runFirstRun(
    await deps.open(firstRunDocument),
    {
      mediaCount: async () => media.list().length,
      presetCount: async () => (await presets.list()).length,
      sandboxApp: () => {
        const app = accounts.findAppBySdkAppId(sandboxSdkAppId);
        return app && accounts.getProfile(app.profileId).kind === 'sandbox' ? app : undefined;
      },
      sandboxRegion: (app) => accounts.getProfile(app.profileId).region,
      addMedia: (draft) => media.add(draft),
      addPreset: (draft) => presets.create(draft),
    },
    deps.clock,
    deps.language,
  );
}
