import { randomBytes } from 'node:crypto';
import { AppError } from '../../shared/contract';
import { defaultAppDefaults } from '../../shared/contract/accounts';
import type { TrtcSandbox } from '../sandbox';
import type { SecretStore } from '../secrets/secret-store';
import type { EndpointTarget } from '../trtc/endpoint-routing';
import type { AccountsService } from './accounts-service';
import { appSdkSecretKeyName, profileSecretKeyName } from './secret-keys';

/** The built-in sandbox app's SdkAppId (a console-style number, never a real app of the user's). */
export const sandboxSdkAppId = 1400000001;

/**
 * The built-in "Sandbox" profile and app: created on first start with random keys kept in the
 * keychain like any other, served by the local TRTC sandbox started in-process on a random loopback
 * port the first time it is needed. Calls to it never leave the computer.
 */
export class BuiltInSandbox {
  readonly #accounts: AccountsService;
  readonly #secrets: SecretStore;
  #running: Promise<TrtcSandbox> | undefined;

  constructor(accounts: AccountsService, secrets: SecretStore) {
    this.#accounts = accounts;
    this.#secrets = secrets;
  }

  /**
   * Makes sure the sandbox profile and app exist and have keys. Safe to call at every start; when the
   * keychain cannot be used it does nothing (the sandbox needs keys too) and the next start tries again.
   */
  async ensureAccounts(): Promise<void> {
    const data = this.#accounts.snapshot();
    let profile = data.profiles.find((candidate) => candidate.kind === 'sandbox');
    try {
      if (!profile) {
        const view = await this.#accounts.addProfile(
          {
            name: 'Sandbox',
            site: 'international',
            region: 'ap-singapore',
            endpoint: null,
            secretId: `AKIDsandbox${randomBytes(12).toString('hex')}`,
            secretKey: randomBytes(24).toString('base64url'),
          },
          'sandbox',
        );
        profile = this.#accounts.getProfile(view.id);
      } else if (!(await this.#secrets.get(profileSecretKeyName(profile.id)))) {
        await this.#secrets.set(profileSecretKeyName(profile.id), randomBytes(24).toString('base64url'));
      }
      const app = data.apps.find((candidate) => candidate.profileId === profile?.id);
      if (!app) {
        if (this.#accounts.findAppBySdkAppId(sandboxSdkAppId)) return;
        await this.#accounts.addApp(
          {
            sdkAppId: sandboxSdkAppId,
            label: 'Sandbox app',
            colour: '#ae3ec9',
            profileId: profile.id,
            defaults: defaultAppDefaults,
            sdkSecretKey: randomBytes(32).toString('hex'),
          },
          { allowSandboxProfile: true },
        );
      } else if (!(await this.#secrets.get(appSdkSecretKeyName(app.id)))) {
        await this.#secrets.set(appSdkSecretKeyName(app.id), randomBytes(32).toString('hex'));
      }
    } catch (error) {
      if (error instanceof AppError && error.code.startsWith('KEYCHAIN_')) return;
      throw error;
    }
  }

  /** Where the sandbox listens; starts it (with the keys from the keychain) on first use. */
  async target(): Promise<EndpointTarget> {
    this.#running ??= this.#start();
    this.#running.catch(() => {
      this.#running = undefined;
    });
    const sandbox = await this.#running;
    return { scheme: 'http', host: '127.0.0.1', port: sandbox.port };
  }

  /** The running sandbox, for tests that inject faults or read its requests. */
  async instance(): Promise<TrtcSandbox> {
    await this.target();
    if (!this.#running) throw new AppError('INTERNAL', 'The sandbox did not start');
    return this.#running;
  }

  async close(): Promise<void> {
    const running = this.#running;
    this.#running = undefined;
    if (running)
      await running.then(
        (sandbox) => sandbox.close(),
        () => undefined,
      );
  }

  async #start(): Promise<TrtcSandbox> {
    const data = this.#accounts.snapshot();
    const profile = data.profiles.find((candidate) => candidate.kind === 'sandbox');
    if (!profile) throw new AppError('UNSUPPORTED', 'The built-in sandbox profile could not be created (is the keychain available?)');
    const secretKey = await this.#secrets.get(profileSecretKeyName(profile.id));
    if (!secretKey)
      throw new AppError('KEYCHAIN_UNAVAILABLE', 'The sandbox keys are not in the keychain yet; restart once it is available');
    const apps = [];
    for (const app of data.apps.filter((candidate) => candidate.profileId === profile.id)) {
      const sdkSecretKey = await this.#secrets.get(appSdkSecretKeyName(app.id));
      if (sdkSecretKey) apps.push({ sdkAppId: app.sdkAppId, sdkSecretKey });
    }
    // Loaded here, not at start-up: most starts never call the sandbox, and its code and schemas are a second chunk to parse.
    const { startTrtcSandbox } = await import('../sandbox');
    return startTrtcSandbox({ port: 0, credentials: [{ secretId: profile.secretId, secretKey }], apps });
  }
}
