import { z } from 'zod';
import {
  type PrivilegeName,
  privilegeMapSchema,
  type Room,
  roomSchema,
  sdkAppIdSchema,
  ticketExpirySchema,
  userIdSchema,
} from '../trtc/identifiers';
import { isRegionOfSite, type Site, siteIds } from '../trtc/sites';
import { call, returns } from './define';

/**
 * Credential profiles (a SecretId/SecretKey pair, a site and region, an optional custom endpoint) and
 * TRTC apps (an SdkAppId, its SDK secret key, launch defaults). Secrets go in as write-only fields and
 * never come back: views carry `hasSecretKey` / `secretIdLast4` / `hasSdkSecretKey` only.
 */

const idSchema = z.string().min(1).max(64);

/** Tencent Cloud SecretIds are 36 ASCII letters/digits today; allow some room. */
export const secretIdSchema = z
  .string()
  .trim()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9]+$/, 'SecretId: letters and digits only');
export const secretKeySchema = z
  .string()
  .trim()
  .min(8)
  .max(256)
  .regex(/^[\x21-\x7e]+$/, 'SecretKey: printable ASCII without spaces');
/** The SDK secret key shown in the TRTC console (64 hex characters today). */
export const sdkSecretKeySchema = secretKeySchema;

export const siteSchema = z.enum(siteIds as [Site, ...Site[]]);

const hostPattern =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[[0-9A-Fa-f:.]{2,45}\]$/;
export const endpointSchema = z
  .object({
    scheme: z.enum(['https', 'http']),
    host: z.string().trim().min(1).max(253).regex(hostPattern, 'Host: a host name or IP address, without scheme or path'),
    port: z.number().int().min(1).max(65535),
  })
  .strict();
export type CustomEndpoint = z.infer<typeof endpointSchema>;

/** Profile fields a user edits (no secrets). */
export const profileFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    site: siteSchema,
    region: z.string().min(1).max(32),
    endpoint: endpointSchema.nullable(),
  })
  .strict();

const regionMatchesSite = (value: { site: Site; region: string }, context: z.RefinementCtx) => {
  if (!isRegionOfSite(value.site, value.region)) {
    context.addIssue({ code: 'custom', path: ['region'], message: `Region ${value.region} is not a region of the ${value.site} site` });
  }
};

/** Add a profile: fields, the SecretId and (optionally, can be set later) the SecretKey. */
export const addProfileSchema = profileFieldsSchema
  .extend({ secretId: secretIdSchema, secretKey: secretKeySchema.optional() })
  .strict()
  .superRefine(regionMatchesSite);
export type AddProfileInput = z.input<typeof addProfileSchema>;

export const updateProfileSchema = profileFieldsSchema.extend({ id: idSchema }).strict().superRefine(regionMatchesSite);
export type UpdateProfileInput = z.input<typeof updateProfileSchema>;

/** Set or replace the SecretKey; a new SecretId can come with it (they are a pair). */
export const setProfileSecretSchema = z.object({ id: idSchema, secretKey: secretKeySchema, secretId: secretIdSchema.optional() }).strict();

export const colourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour: #rrggbb');
export const robotUserIdPrefixSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'Prefix: 1 to 20 characters of a-z A-Z 0-9 _ - (leaves room for a suffix within 32)');

export const appDefaultsSchema = z
  .object({
    robotUserIdPrefix: robotUserIdPrefixSchema,
    /** Lifetime of the UserSig generated just in time at each launch. */
    userSigExpirySeconds: ticketExpirySchema,
  })
  .strict();
export type AppDefaults = z.infer<typeof appDefaultsSchema>;
export const defaultAppDefaults: AppDefaults = { robotUserIdPrefix: 'ingest_robot_', userSigExpirySeconds: 600 };

export const appFieldsSchema = z
  .object({
    sdkAppId: sdkAppIdSchema,
    label: z.string().trim().min(1).max(64),
    colour: colourSchema,
    profileId: idSchema,
    defaults: appDefaultsSchema,
  })
  .strict();
export const addAppSchema = appFieldsSchema.extend({ sdkSecretKey: sdkSecretKeySchema.optional() }).strict();
export type AddAppInput = z.input<typeof addAppSchema>;
export const updateAppSchema = appFieldsSchema.extend({ id: idSchema }).strict();
export type UpdateAppInput = z.input<typeof updateAppSchema>;

export type ProfileKind = 'user' | 'sandbox';

export interface ProfileView {
  id: string;
  kind: ProfileKind;
  name: string;
  site: Site;
  region: string;
  endpoint: CustomEndpoint | null;
  secretIdLast4: string;
  /** null when the keychain cannot be read right now. */
  hasSecretKey: boolean | null;
  createdAt: string;
  updatedAt: string;
}

export interface AppView {
  id: string;
  sdkAppId: number;
  label: string;
  colour: string;
  profileId: string;
  defaults: AppDefaults;
  /** True for the built-in sandbox app. */
  sandbox: boolean;
  hasSdkSecretKey: boolean | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccountsOverview {
  profiles: ProfileView[];
  apps: AppView[];
  /** Why secret states are unknown (keychain error code), if they are. */
  keychainProblem: 'KEYCHAIN_UNAVAILABLE' | 'KEYCHAIN_LOCKED' | 'KEYCHAIN_TIMEOUT' | null;
}

export type ConnectionVerdict =
  /** The API accepted the signature (it answered NotExist or a non-auth error). */
  | 'valid'
  /** AuthFailure.SignatureExpire: the computer's clock is off by more than 5 minutes. */
  | 'clock-skew'
  /** AuthFailure.UnauthorizedOperation: the key is valid but its CAM policy does not allow TRTC. */
  | 'not-authorized'
  /** Any other AuthFailure.*: wrong SecretId or SecretKey. */
  | 'auth-failed'
  /** No trustworthy answer: network, timeout, unexpected response. */
  | 'unreachable';

export interface ConnectionTestResult {
  verdict: ConnectionVerdict;
  /** API error code or local error code; absent when the call succeeded. */
  code?: string;
  message: string;
  requestId?: string;
  latencyMs: number;
  sandbox: boolean;
  endpoint: string;
  region: string;
}

export type TicketKind = 'userSig' | 'privateMapKey';

export interface GeneratedTicket {
  kind: TicketKind;
  ticket: string;
  userId: string;
  sdkAppId: number;
  issuedAt: string;
  expiresAt: string;
}

export interface TicketInspection {
  kind: TicketKind;
  userId: string;
  sdkAppId: number;
  issuedAt: string;
  expiresAt: string;
  expireSeconds: number;
  expired: boolean;
  /** 'unchecked' when no app with an SDK secret key matches the ticket's SdkAppId. */
  signature: 'valid' | 'invalid' | 'unchecked';
  /** The app whose SDK secret key was checked against the signature. */
  checkedWith?: { appId: string; label: string; sdkAppId: number };
  /** True only for a ticket that is signed by the checked app's key and not expired. */
  valid: boolean;
  privateMap?: {
    room: Room;
    privileges: number;
    privilegeNames: PrivilegeName[];
    /** Absolute expiry inside the userbuf. */
    expiresAt: string;
    sdkAppId: number;
    userId: string;
  };
  /** Inconsistencies found inside the ticket, in English. */
  warnings: string[];
}

export const generateUserSigSchema = z.object({ appId: idSchema, userId: userIdSchema, expirySeconds: ticketExpirySchema }).strict();
export const generatePrivateMapKeySchema = z
  .object({ appId: idSchema, userId: userIdSchema, expirySeconds: ticketExpirySchema, room: roomSchema, privileges: privilegeMapSchema })
  .strict();
export const verifyTicketSchema = z
  .object({
    ticket: z
      .string()
      .trim()
      .min(8)
      .max(8192)
      .regex(/^[A-Za-z0-9*_-]+$/, 'A UserSig or PrivateMapKey uses only letters, digits and * - _'),
    /** Check with this app's key; otherwise the app whose SdkAppId matches the ticket. */
    appId: idSchema.optional(),
  })
  .strict();

export interface ImportSummary {
  profilesAdded: number;
  appsAdded: number;
  /** Entries already present (same id) or referring to a missing profile. */
  skipped: number;
}

const byId = z.object({ id: idSchema }).strict();
const noInput = z.object({}).strict();

export const accountsCalls = {
  overview: call(noInput, returns<AccountsOverview>()),
  addProfile: call(addProfileSchema, returns<ProfileView>()),
  updateProfile: call(updateProfileSchema, returns<ProfileView>()),
  setProfileSecret: call(setProfileSecretSchema, returns<ProfileView>()),
  clearProfileSecret: call(byId, returns<ProfileView>()),
  deleteProfile: call(byId, returns<{ deleted: true }>()),
  addApp: call(addAppSchema, returns<AppView>()),
  updateApp: call(updateAppSchema, returns<AppView>()),
  setAppSecret: call(() => z.object({ id: idSchema, sdkSecretKey: sdkSecretKeySchema }).strict(), returns<AppView>()),
  clearAppSecret: call(byId, returns<AppView>()),
  deleteApp: call(byId, returns<{ deleted: true }>()),
  testConnection: call(() => z.object({ profileId: idSchema, appId: idSchema.optional() }).strict(), returns<ConnectionTestResult>()),
  exportJson: call(noInput, returns<{ fileName: string; json: string }>()),
  importJson: call(() => z.object({ json: z.string().min(2).max(1_000_000) }).strict(), returns<ImportSummary>()),
  generateUserSig: call(generateUserSigSchema, returns<GeneratedTicket>()),
  generatePrivateMapKey: call(generatePrivateMapKeySchema, returns<GeneratedTicket>()),
  verifyTicket: call(verifyTicketSchema, returns<TicketInspection>()),
};

export const accountsEvents = {
  /** Profiles or apps changed (any window); payload carries no secret. */
  'accounts.changed': returns<AccountsOverview>(),
};
