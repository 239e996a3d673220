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
 * TRTC clients for the rest of main (launch, task monitor, test connection): `forProfile(id)` or
 * `forApp(id)`. One client per profile is kept (its connection pool is reused) and dropped when the
 * profile, its key or its apps change, so a replaced SecretKey is used on the next call.
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

  forProfile(profileId: string): Promise<TrtcClient> {
    let client = this.#cache.get(profileId);
    if (!client) {
      client = this.#options.accounts.connectionFor(profileId).then(
        (connection) =>
          new TrtcClient(connection, {
            appVersion: this.#options.appVersion,
            recorder: this.#options.recorder,
            clock: this.#options.clock,
            ...(this.#options.timeoutSeconds ? { timeoutSeconds: this.#options.timeoutSeconds } : {}),
          }),
      );
      this.#cache.set(profileId, client);
      // A failed lookup (no key, keychain locked) is not cached: the next call tries again.
      client.catch(() => this.#cache.delete(profileId));
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
    for (const profileId of [...this.#cache.keys()]) this.#drop(profileId);
  }

  close(): void {
    this.#unsubscribe();
    this.reset();
  }

  #drop(profileId: string): void {
    const client = this.#cache.get(profileId);
    this.#cache.delete(profileId);
    void client?.then(
      (ready) => ready.close(),
      () => undefined,
    );
  }
}
