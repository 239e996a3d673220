/**
 * From a preset to the exact StartStreamIngest body, its redacted preview and the equivalent tccli
 * command. Pure: main builds the real request with it, and the page shows the same thing before send.
 */
import type { PresetDraft } from '../contract/presets';
import { apiDefaults, type StartStreamIngestBody } from './requests';

export const redacted = '[redacted]';

/** The launch-relevant part of a preset (a draft or a stored preset). */
export type LaunchFields = Pick<
  PresetDraft,
  | 'sdkAppId'
  | 'region'
  | 'roomIdType'
  | 'roomId'
  | 'userId'
  | 'repeatNum'
  | 'maxDuration'
  | 'volume'
  | 'seekSecond'
  | 'autoPush'
  | 'enableProgress'
  | 'tempo'
  | 'idleTimeout'
>;

export interface Tickets {
  userSig: string;
  privateMapKey?: string;
}

/**
 * The body in the API's field order. A field equal to the API's default is left out, so the body says
 * only what the preset changes; MaxDuration and IdleTimeout only when set. Deprecated fields never.
 */
export function startBody(fields: LaunchFields, streamUrl: string, tickets: Tickets): StartStreamIngestBody {
  const body: StartStreamIngestBody = {
    SdkAppId: fields.sdkAppId,
    RoomId: fields.roomId,
    RoomIdType: fields.roomIdType,
    UserId: fields.userId,
    UserSig: tickets.userSig,
    StreamUrl: streamUrl,
  };
  if (tickets.privateMapKey !== undefined) body.PrivateMapKey = tickets.privateMapKey;
  if (fields.seekSecond !== apiDefaults.SeekSecond) body.SeekSecond = fields.seekSecond;
  if (fields.autoPush !== apiDefaults.AutoPush) body.AutoPush = fields.autoPush;
  if (fields.repeatNum !== apiDefaults.RepeatNum) body.RepeatNum = fields.repeatNum;
  if (fields.maxDuration !== null) body.MaxDuration = fields.maxDuration;
  if (fields.volume !== apiDefaults.Volume) body.Volume = fields.volume;
  if (fields.enableProgress !== apiDefaults.EnableProgress) body.EnableProgress = fields.enableProgress;
  if (fields.tempo !== apiDefaults.Tempo) body.Tempo = fields.tempo;
  if (fields.idleTimeout !== null) body.IdleTimeout = fields.idleTimeout;
  return body;
}

/** The body with UserSig and PrivateMapKey replaced, for previews, task records and logs. */
export function redactBody<B extends { UserSig?: string; PrivateMapKey?: string }>(body: B): B {
  const copy = { ...body };
  if (copy.UserSig !== undefined) copy.UserSig = redacted;
  if (copy.PrivateMapKey !== undefined) copy.PrivateMapKey = redacted;
  return copy;
}

/** POSIX shell single quotes: a `'` inside becomes `'\''`. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** The same request with Tencent Cloud's CLI (tccli), for a user who wants to check it by hand. */
export function tccliCommand(region: string, body: Record<string, unknown>): string {
  return `tccli trtc StartStreamIngest --region ${shellQuote(region)} --cli-input-json ${shellQuote(JSON.stringify(body))}`;
}

/** What needs the user's attention before sending. */
export interface CostGuards {
  /** RepeatNum -1 without MaxDuration loops (and bills) until someone stops it: ask first. */
  unboundedLoop: boolean;
  /** AutoPush relays to CDN only when the console switch is on. */
  autoPush: boolean;
}

export function costGuards(fields: Pick<LaunchFields, 'repeatNum' | 'maxDuration' | 'autoPush'>): CostGuards {
  return { unboundedLoop: fields.repeatNum === -1 && fields.maxDuration === null, autoPush: fields.autoPush };
}
