import type { LaunchSource, TaskRecord } from '../../shared/contract/launch';
import type { StoredPreset } from '../../shared/contract/presets';
import type { RoomIdType, StartStreamIngestBody } from '../../shared/trtc/requests';
import type { Site } from '../../shared/trtc/sites';

/** The one TRTC call a launch makes (the accounts domain's TrtcClient fits). */
export interface StartClient {
  startStreamIngest(request: StartStreamIngestBody, purpose: string): Promise<{ taskId: string; requestId: string }>;
}

export interface AppSite {
  site: Site;
  sandbox: boolean;
}

/**
 * What a launch needs from the other domains (accounts, tickets, media), as narrow functions so the
 * launch logic is tested on its own and the composition root wires the real services in.
 * Failures are AppErrors (NOT_FOUND for an unknown app or entry, KEYCHAIN_* for the keychain, ...).
 */
export interface LaunchPorts {
  /** The site (and whether it is the sandbox) of the account an SdkAppId belongs to. */
  appSite(sdkAppId: number): Promise<AppSite>;
  /** A signed client for the app's account in this region. */
  connect(sdkAppId: number, region: string): Promise<StartClient & { profileId: string; sandbox: boolean; close?(): void }>;
  /** A UserSig generated now with the app's SDK secret key (main only; the result is a secret). */
  generateUserSig(request: { sdkAppId: number; userId: string; expirySeconds: number }): Promise<string>;
  generatePrivateMapKey(request: {
    sdkAppId: number;
    userId: string;
    expirySeconds: number;
    roomIdType: RoomIdType;
    roomId: string;
    privileges: number;
  }): Promise<string>;
  /** The URL of a media library entry. */
  mediaUrl(entryId: string): Promise<string>;
  /** Told once a Start has created a task: the library entry it pushed (by id, else by URL) was used now. */
  mediaUsed?(use: { entryId?: string; url: string }): void;
}

/** The presets a launch reads (the presets domain's PresetService fits). */
export interface PresetSource {
  get(id: string): StoredPreset;
  /** A ticket pasted into the preset, read from the keychain; null when none is kept. */
  pastedSecret(id: string, kind: 'userSig' | 'privateMapKey'): Promise<string | null>;
}

/**
 * What the caller confirmed for one launch. Main refuses a Start into a live (non-sandbox) account
 * without `confirmLive` and an endless loop without `confirmUnboundedLoop` (CONFLICT with the guard),
 * whoever calls: the page, a script against the browser host, a batch or a show.
 */
export interface LaunchConfirmations {
  confirmLive?: boolean;
  confirmUnboundedLoop?: boolean;
}

/** A Start from a preset or a one-off draft (the launch domain's LaunchService fits; batches use it). */
export interface Launcher {
  start(source: LaunchSource, confirmed?: LaunchConfirmations): Promise<TaskRecord>;
  /** Whether a Start into this app goes to a live account (not the built-in sandbox); NOT_FOUND for an unknown app. */
  isLive(sdkAppId: number): Promise<boolean>;
}

export type NewTask = Omit<TaskRecord, 'id' | 'state' | 'createdAt' | 'updatedAt'>;
export type TaskOutcome = Pick<TaskRecord, 'state' | 'taskId' | 'requestId' | 'error' | 'unknownReason' | 'profileId' | 'sandbox'>;
