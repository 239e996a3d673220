import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/contract';
import type {
  AccountsOverview,
  AddAppInput,
  AddProfileInput,
  AppView,
  ProfileView,
  UpdateAppInput,
  UpdateProfileInput,
} from '../../shared/contract/accounts';
import type { Clock } from '../app/clock';
import type { EventBus } from '../app/event-bus';
import type { SecretStore } from '../secrets/secret-store';
import type { StoredDocument } from '../storage/stored-document';
import type { EndpointTarget } from '../trtc/endpoint-routing';
import type { TrtcConnection } from '../trtc/trtc-client';
import type { AccountsData, StoredApp, StoredProfile } from './accounts-document';
import { appSdkSecretKeyName, profileSecretKeyName } from './secret-keys';

export interface AccountsServiceDeps {
  document: StoredDocument<AccountsData>;
  secrets: SecretStore;
  events: EventBus;
  clock: Clock;
  newId?: () => string;
  /** Where the built-in sandbox listens right now (it starts on a random loopback port). */
  sandboxTarget?: () => Promise<EndpointTarget>;
}

type KeychainProblem = AccountsOverview['keychainProblem'];

/**
 * Profiles and apps. Non-secret fields live in accounts.json; SecretKeys and SDK secret keys live only
 * in the keychain, under names built from stable ids. Every write puts the secret in the keychain
 * first: if the keychain fails, the typed error comes back and nothing at all is written.
 * No method returns a secret to a caller outside main; views carry only "is it set".
 */
export class AccountsService {
  readonly #deps: AccountsServiceDeps;
  readonly #newId: () => string;
  readonly #listeners = new Set<(change: { profileId?: string; appId?: string }) => void>();

  constructor(deps: AccountsServiceDeps) {
    this.#deps = deps;
    this.#newId = deps.newId ?? randomUUID;
  }

  // ---- reading -------------------------------------------------------------------------------

  async overview(): Promise<AccountsOverview> {
    const { names, problem } = await this.#secretNames();
    const data = this.#deps.document.value;
    return {
      profiles: data.profiles.map((profile) => toProfileView(profile, names)),
      apps: data.apps.map((app) => toAppView(app, data.profiles, names)),
      keychainProblem: problem,
    };
  }

  /** The stored (non-secret) data, for export. */
  snapshot(): AccountsData {
    return this.#deps.document.value;
  }

  getProfile(id: string): StoredProfile {
    const profile = this.#deps.document.value.profiles.find((candidate) => candidate.id === id);
    if (!profile) throw new AppError('NOT_FOUND', `No credential profile ${id}`, { profileId: id });
    return profile;
  }

  getApp(id: string): StoredApp {
    const app = this.#deps.document.value.apps.find((candidate) => candidate.id === id);
    if (!app) throw new AppError('NOT_FOUND', `No TRTC app ${id}`, { appId: id });
    return app;
  }

  findAppBySdkAppId(sdkAppId: number): StoredApp | undefined {
    return this.#deps.document.value.apps.find((app) => app.sdkAppId === sdkAppId);
  }

  /** The SDK secret key of an app, for generating tickets in main; null when none is set. */
  async sdkSecretKeyFor(appId: string): Promise<string | null> {
    this.getApp(appId);
    return this.#deps.secrets.get(appSdkSecretKeyName(appId));
  }

  /** Everything the TRTC client needs for a profile, its SecretKey read from the keychain. Main only. */
  async connectionFor(profileId: string): Promise<TrtcConnection> {
    const profile = this.getProfile(profileId);
    const secretKey = await this.#deps.secrets.get(profileSecretKeyName(profileId));
    if (!secretKey) {
      throw new AppError('INVALID_INPUT', `The profile "${profile.name}" has no SecretKey set`, { profileId, missing: 'secretKey' });
    }
    let target = profile.endpoint;
    if (profile.kind === 'sandbox') {
      if (!this.#deps.sandboxTarget) throw new AppError('UNSUPPORTED', 'The built-in sandbox is not available in this build');
      target = await this.#deps.sandboxTarget();
    }
    return {
      profileId,
      profileName: profile.name,
      secretId: profile.secretId,
      secretKey,
      site: profile.site,
      region: profile.region,
      target,
      sandbox: profile.kind === 'sandbox',
    };
  }

  /** Told after any change of a profile or app, so cached clients can be dropped. */
  onChange(listener: (change: { profileId?: string; appId?: string }) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- profiles ------------------------------------------------------------------------------

  async addProfile(input: AddProfileInput, kind: StoredProfile['kind'] = 'user'): Promise<ProfileView> {
    const now = this.#now();
    const profile: StoredProfile = {
      id: this.#newId(),
      kind,
      name: input.name.trim(),
      site: input.site,
      region: input.region,
      endpoint: input.endpoint,
      secretId: input.secretId.trim(),
      createdAt: now,
      updatedAt: now,
    };
    this.#assertUniqueProfileName(profile.name);
    const secretName = profileSecretKeyName(profile.id);
    if (input.secretKey) await this.#deps.secrets.set(secretName, input.secretKey.trim());
    await this.#writeOrUndo((data) => ({ ...data, profiles: [...data.profiles, profile] }), input.secretKey ? secretName : undefined);
    this.#changed({ profileId: profile.id });
    return this.#profileView(profile.id);
  }

  async updateProfile(input: UpdateProfileInput): Promise<ProfileView> {
    const current = this.#editableProfile(input.id);
    const name = input.name.trim();
    if (name !== current.name) this.#assertUniqueProfileName(name);
    await this.#deps.document.update((data) => ({
      ...data,
      profiles: data.profiles.map((profile) =>
        profile.id === input.id
          ? { ...profile, name, site: input.site, region: input.region, endpoint: input.endpoint, updatedAt: this.#now() }
          : profile,
      ),
    }));
    this.#changed({ profileId: input.id });
    return this.#profileView(input.id);
  }

  /** Sets or replaces the SecretKey (and the SecretId, when a new pair is given). */
  async setProfileSecret(input: { id: string; secretKey: string; secretId?: string | undefined }): Promise<ProfileView> {
    this.#editableProfile(input.id);
    await this.#deps.secrets.set(profileSecretKeyName(input.id), input.secretKey.trim());
    const secretId = input.secretId?.trim();
    await this.#deps.document.update((data) => ({
      ...data,
      profiles: data.profiles.map((profile) =>
        profile.id === input.id ? { ...profile, ...(secretId ? { secretId } : {}), updatedAt: this.#now() } : profile,
      ),
    }));
    this.#changed({ profileId: input.id });
    return this.#profileView(input.id);
  }

  async clearProfileSecret(id: string): Promise<ProfileView> {
    this.#editableProfile(id);
    await this.#deps.secrets.delete(profileSecretKeyName(id));
    this.#changed({ profileId: id });
    return this.#profileView(id);
  }

  /** Deletes the keychain entry first: if the keychain refuses, the profile stays, so nothing is orphaned. */
  async deleteProfile(id: string): Promise<void> {
    this.#editableProfile(id);
    const users = this.#deps.document.value.apps.filter((app) => app.profileId === id);
    if (users.length > 0) {
      throw new AppError('CONFLICT', `Apps still use this profile: ${users.map((app) => app.label).join(', ')}`, {
        appIds: users.map((app) => app.id),
      });
    }
    await this.#deps.secrets.delete(profileSecretKeyName(id));
    await this.#deps.document.update((data) => ({ ...data, profiles: data.profiles.filter((profile) => profile.id !== id) }));
    this.#changed({ profileId: id });
  }

  // ---- apps ----------------------------------------------------------------------------------

  async addApp(input: AddAppInput, options: { allowSandboxProfile?: boolean } = {}): Promise<AppView> {
    const profile = this.getProfile(input.profileId);
    if (profile.kind === 'sandbox' && !options.allowSandboxProfile) {
      throw new AppError('FORBIDDEN', 'Only the built-in sandbox app uses the sandbox profile');
    }
    this.#assertUniqueSdkAppId(input.sdkAppId);
    const now = this.#now();
    const app: StoredApp = {
      id: this.#newId(),
      sdkAppId: input.sdkAppId,
      label: input.label.trim(),
      colour: input.colour.toLowerCase(),
      profileId: input.profileId,
      defaults: input.defaults,
      createdAt: now,
      updatedAt: now,
    };
    const secretName = appSdkSecretKeyName(app.id);
    if (input.sdkSecretKey) await this.#deps.secrets.set(secretName, input.sdkSecretKey.trim());
    await this.#writeOrUndo((data) => ({ ...data, apps: [...data.apps, app] }), input.sdkSecretKey ? secretName : undefined);
    this.#changed({ appId: app.id });
    return this.#appView(app.id);
  }

  async updateApp(input: UpdateAppInput): Promise<AppView> {
    const current = this.#editableApp(input.id);
    const profile = this.getProfile(input.profileId);
    if (profile.kind === 'sandbox') throw new AppError('FORBIDDEN', 'Only the built-in sandbox app uses the sandbox profile');
    if (input.sdkAppId !== current.sdkAppId) this.#assertUniqueSdkAppId(input.sdkAppId);
    await this.#deps.document.update((data) => ({
      ...data,
      apps: data.apps.map((app) =>
        app.id === input.id
          ? {
              ...app,
              sdkAppId: input.sdkAppId,
              label: input.label.trim(),
              colour: input.colour.toLowerCase(),
              profileId: input.profileId,
              defaults: input.defaults,
              updatedAt: this.#now(),
            }
          : app,
      ),
    }));
    this.#changed({ appId: input.id });
    return this.#appView(input.id);
  }

  async setAppSecret(input: { id: string; sdkSecretKey: string }): Promise<AppView> {
    this.#editableApp(input.id);
    await this.#deps.secrets.set(appSdkSecretKeyName(input.id), input.sdkSecretKey.trim());
    await this.#touchApp(input.id);
    return this.#appView(input.id);
  }

  async clearAppSecret(id: string): Promise<AppView> {
    this.#editableApp(id);
    await this.#deps.secrets.delete(appSdkSecretKeyName(id));
    await this.#touchApp(id);
    return this.#appView(id);
  }

  async deleteApp(id: string): Promise<void> {
    this.#editableApp(id);
    await this.#deps.secrets.delete(appSdkSecretKeyName(id));
    await this.#deps.document.update((data) => ({ ...data, apps: data.apps.filter((app) => app.id !== id) }));
    this.#changed({ appId: id });
  }

  // ---- import (used by account-transfer) ------------------------------------------------------

  /** Adds already-validated entries in one write; entries whose id exists are left alone. */
  async addImported(profiles: StoredProfile[], apps: StoredApp[]): Promise<{ profilesAdded: number; appsAdded: number }> {
    let counts = { profilesAdded: 0, appsAdded: 0 };
    await this.#deps.document.update((data) => {
      const profileIds = new Set(data.profiles.map((profile) => profile.id));
      const newProfiles = profiles.filter((profile) => !profileIds.has(profile.id));
      const knownProfiles = new Set([...profileIds, ...newProfiles.map((profile) => profile.id)]);
      const appIds = new Set(data.apps.map((app) => app.id));
      const sdkAppIds = new Set(data.apps.map((app) => app.sdkAppId));
      const newApps = apps.filter((app) => !appIds.has(app.id) && !sdkAppIds.has(app.sdkAppId) && knownProfiles.has(app.profileId));
      counts = { profilesAdded: newProfiles.length, appsAdded: newApps.length };
      return { profiles: [...data.profiles, ...newProfiles], apps: [...data.apps, ...newApps] };
    });
    if (counts.profilesAdded + counts.appsAdded > 0) this.#changed({});
    return counts;
  }

  // ---- internals -----------------------------------------------------------------------------

  async #secretNames(): Promise<{ names: Set<string> | null; problem: KeychainProblem }> {
    try {
      return { names: new Set(await this.#deps.secrets.list()), problem: null };
    } catch (error) {
      if (
        error instanceof AppError &&
        (error.code === 'KEYCHAIN_UNAVAILABLE' || error.code === 'KEYCHAIN_LOCKED' || error.code === 'KEYCHAIN_TIMEOUT')
      ) {
        return { names: null, problem: error.code };
      }
      throw error;
    }
  }

  /** Writes the document; if that fails after a secret went into the keychain, takes the secret out again. */
  async #writeOrUndo(change: (data: AccountsData) => AccountsData, secretName: string | undefined): Promise<void> {
    try {
      await this.#deps.document.update(change);
    } catch (error) {
      if (secretName) await this.#deps.secrets.delete(secretName).catch(() => false);
      throw error;
    }
  }

  async #touchApp(id: string): Promise<void> {
    await this.#deps.document.update((data) => ({
      ...data,
      apps: data.apps.map((app) => (app.id === id ? { ...app, updatedAt: this.#now() } : app)),
    }));
    this.#changed({ appId: id });
  }

  async #profileView(id: string): Promise<ProfileView> {
    const { names } = await this.#secretNames();
    return toProfileView(this.getProfile(id), names);
  }

  async #appView(id: string): Promise<AppView> {
    const { names } = await this.#secretNames();
    return toAppView(this.getApp(id), this.#deps.document.value.profiles, names);
  }

  #editableProfile(id: string): StoredProfile {
    const profile = this.getProfile(id);
    if (profile.kind === 'sandbox') throw new AppError('FORBIDDEN', 'The built-in sandbox profile is managed by the app');
    return profile;
  }

  #editableApp(id: string): StoredApp {
    const app = this.getApp(id);
    if (this.getProfile(app.profileId).kind === 'sandbox')
      throw new AppError('FORBIDDEN', 'The built-in sandbox app is managed by the app');
    return app;
  }

  #assertUniqueProfileName(name: string): void {
    if (this.#deps.document.value.profiles.some((profile) => profile.name.toLowerCase() === name.toLowerCase())) {
      throw new AppError('CONFLICT', `A profile named "${name}" already exists`, { field: 'name' });
    }
  }

  #assertUniqueSdkAppId(sdkAppId: number): void {
    const existing = this.findAppBySdkAppId(sdkAppId);
    if (existing) throw new AppError('CONFLICT', `SdkAppId ${sdkAppId} is already set up as "${existing.label}"`, { field: 'sdkAppId' });
  }

  #now(): string {
    return new Date(this.#deps.clock.now()).toISOString();
  }

  #changed(change: { profileId?: string; appId?: string }): void {
    for (const listener of this.#listeners) listener(change);
    void this.overview().then(
      (overview) => this.#deps.events.emit('accounts.changed', overview),
      () => undefined,
    );
  }
}

function toProfileView(profile: StoredProfile, names: Set<string> | null): ProfileView {
  return {
    id: profile.id,
    kind: profile.kind,
    name: profile.name,
    site: profile.site,
    region: profile.region,
    endpoint: profile.endpoint,
    secretIdLast4: profile.secretId.slice(-4),
    hasSecretKey: names ? names.has(profileSecretKeyName(profile.id)) : null,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}

function toAppView(app: StoredApp, profiles: StoredProfile[], names: Set<string> | null): AppView {
  return {
    id: app.id,
    sdkAppId: app.sdkAppId,
    label: app.label,
    colour: app.colour,
    profileId: app.profileId,
    defaults: app.defaults,
    sandbox: profiles.some((profile) => profile.id === app.profileId && profile.kind === 'sandbox'),
    hasSdkSecretKey: names ? names.has(appSdkSecretKeyName(app.id)) : null,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}
