import { AppError } from '../../shared/contract';
import { isRegionOfSite, type Site, sites } from '../../shared/trtc/sites';
import type { Clock } from '../app/clock';
import type { ApiCallRecorder } from '../trtc/api-call-record';
import { TrtcClient } from '../trtc/trtc-client';
import type { AccountsService } from './accounts-service';

export interface TrtcClientsOptions {
  accounts: AccountsService;
  recorder: ApiCallRecorder;
  appVersion: string;
  clock: Clock;
  timeoutSeconds?: number;
}

/**
 * TRTC clients for the rest of main (launch, task monitor, test connection): `forProfile(id, region?)`
 * or `forApp(id)`. One client per profile and region is kept, so a launch neither reads the keychain
 * nor opens a new connection (its pool is reused); they are dropped when the profile, its key or its
 * apps change, so a replaced SecretKey is used on the next call.
 */
export class TrtcClients {
  readonly #options: TrtcClientsOptions;
  readonly #cache = new Map<string, Promise<TrtcClient>>();
  readonly #unsubscribe: () => void;

  constructor(options: TrtcClientsOptions) {
    this.#options = options;
    this.#unsubscribe = options.accounts.onChange(({ profileId }) => {
      if (profileId) this.#drop(profileId);
    });
  }

  /**
   * The profile's client, for `region` when given (a preset picks its own; a running task keeps the
   * one it was started in), else its default region; for `site`'s host when given (a task keeps the
   * site it was started on), else the profile's. A region the site does not list is refused here,
   * before anything is sent.
   */
  forProfile(profileId: string, region?: string, site?: Site): Promise<TrtcClient> {
    const key = cacheKey(profileId, region, site);
    let client = this.#cache.get(key);
    if (!client) {
      client = this.#options.accounts.connectionFor(profileId).then((connection) => {
        const placed = { ...connection, ...(region ? { region } : {}), ...(site ? { site } : {}) };
        if (!isRegionOfSite(placed.site, placed.region))
          throw new AppError('INVALID_INPUT', `Region ${placed.region} is not a region of ${sites[placed.site].endpoint}.`, {
            field: 'region',
            region: placed.region,
          });
        return new TrtcClient(placed, {
          appVersion: this.#options.appVersion,
          recorder: this.#options.recorder,
          clock: this.#options.clock,
          ...(this.#options.timeoutSeconds ? { timeoutSeconds: this.#options.timeoutSeconds } : {}),
        });
      });
      this.#cache.set(key, client);
      // A failed lookup (no key, keychain locked) is not cached: the next call tries again.
      client.catch(() => this.#cache.delete(key));
    }
    return client;
  }

  /** The client of the app's profile, with the app (for its SdkAppId). */
  async forApp(appId: string): Promise<{ client: TrtcClient; app: ReturnType<AccountsService['getApp']> }> {
    const app = this.#options.accounts.getApp(appId);
    return { client: await this.forProfile(app.profileId), app };
  }

  /** Drops every cached client (e.g. the sandbox moved to a new port). */
  reset(): void {
    for (const key of [...this.#cache.keys()]) this.#dropKey(key);
  }

  close(): void {
    this.#unsubscribe();
    this.reset();
  }

  #drop(profileId: string): void {
    const prefix = `${profileId}\n`;
    for (const key of [...this.#cache.keys()]) if (key.startsWith(prefix)) this.#dropKey(key);
  }

  #dropKey(key: string): void {
    const client = this.#cache.get(key);
    this.#cache.delete(key);
    void client?.then(
      (ready) => ready.close(),
      () => undefined,
    );
  }
}

/** Profile ids never hold a newline, so `<profileId>\n` prefixes every key of that profile. */
function cacheKey(profileId: string, region?: string, site?: Site): string {
  return `${profileId}\n${region ?? ''}\n${site ?? ''}`;
}
