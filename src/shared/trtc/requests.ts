/**
 * One zod schema per stream-ingest request, with every range and cross-field rule of the API
 * reference. Shared by the page (inline errors as the user types) and main (the authoritative check
 * right before a request leaves). Messages are i18n keys of the "requests" namespace; the page
 * translates them, main reports them as they are.
 *
 * Field names are the API's own (PascalCase), so a parsed value is the request body itself. Objects
 * are strict: the deprecated SourceUrl, VideoEncodeParams and AudioEncodeParams (and any other
 * unknown field) are refused, never sent.
 */
import { z } from 'zod';
import { acceptedSchemes, checkStreamUrl, type MediaUrlProblem, maxMediaUrlLength } from '../media/url-rules';
import { isRegionOfSite, type Site } from './sites';

export const requestLimits = {
  sdkAppIdMax: 4294967295,
  intRoomMin: 1,
  intRoomMax: 4294967294,
  strRoomMaxBytes: 64,
  userIdMaxBytes: 32,
  repeatNumMax: 1000,
  maxDurationMin: 1,
  maxDurationMax: 10080,
  volumeMax: 200,
  idleTimeoutMax: 600,
  seekSecondMax: 2147483647,
  streamUrlMaxLength: maxMediaUrlLength,
  ticketMaxLength: 8192,
  taskIdMaxLength: 256,
} as const;

export const tempoValues = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0] as const;
export type Tempo = (typeof tempoValues)[number];

/** Schemes the cloud pulls from: the docs' HTTPS MP4 plus the common HLS/FLV/RTMP sources (the media URL table's). */
export const streamUrlSchemes = acceptedSchemes.map((scheme) => scheme.protocol);

/** API defaults: a field equal to its default is left out of the body. */
export const apiDefaults = { RepeatNum: 1, Volume: 100, Tempo: 1.0, SeekSecond: 0, AutoPush: false, EnableProgress: false } as const;

/** RoomIdType: 0 = string room id, 1 = 32-bit integer room id (the API's default). */
export const roomIdTypes = [0, 1] as const;
export type RoomIdType = (typeof roomIdTypes)[number];

// The string-room alphabet of the reference: letters, digits, space and these punctuation marks.
const strRoomPattern = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;
const userIdPattern = /^[a-zA-Z0-9_-]+$/;
const intRoomPattern = /^[1-9][0-9]*$/;
// UserSig and PrivateMapKey: base64 with `+`→`*`, `/`→`-`, `=`→`_`.
const ticketPattern = /^[A-Za-z0-9*_-]+$/;
const taskIdPattern = /^[\x21-\x7e]+$/;

const byteLength = (text: string): number => new TextEncoder().encode(text).length;

const integer = (key: string) => z.number({ error: `requests:${key}.type` }).int({ error: `requests:${key}.type` });

export const sdkAppIdSchema = integer('sdkAppId')
  .min(1, { error: 'requests:sdkAppId.range' })
  .max(requestLimits.sdkAppIdMax, { error: 'requests:sdkAppId.range' });

export const roomIdTypeSchema = z.union([z.literal(0), z.literal(1)], { error: 'requests:roomIdType.invalid' });

export const userIdSchema = z
  .string({ error: 'requests:userId.required' })
  .min(1, { error: 'requests:userId.required' })
  .refine((value) => byteLength(value) <= requestLimits.userIdMaxBytes, { error: 'requests:userId.tooLong' })
  .refine((value) => userIdPattern.test(value), { error: 'requests:userId.characters' });

/** The media URL rule (shared/media/url-rules), as the request's i18n keys say it. */
const streamUrlKeys: Record<MediaUrlProblem, string> = {
  empty: 'requests:streamUrl.required',
  tooLong: 'requests:streamUrl.tooLong',
  whitespace: 'requests:streamUrl.whitespace',
  controlCharacter: 'requests:streamUrl.whitespace',
  notAUrl: 'requests:streamUrl.invalid',
  noHost: 'requests:streamUrl.invalid',
  scheme: 'requests:streamUrl.scheme',
  credentials: 'requests:streamUrl.credentials',
};

/** The `requests:` i18n key that explains a StreamUrl problem. */
export function streamUrlMessageKey(problem: MediaUrlProblem): string {
  return streamUrlKeys[problem];
}

export const streamUrlSchema = z.string({ error: 'requests:streamUrl.required' }).superRefine((value, context) => {
  const check = checkStreamUrl(value);
  if (!check.ok) context.addIssue({ code: 'custom', message: streamUrlKeys[check.problem] });
});

export const ticketSchema = (key: 'userSig' | 'privateMapKey') =>
  z
    .string({ error: `requests:${key}.required` })
    .min(1, { error: `requests:${key}.required` })
    .max(requestLimits.ticketMaxLength, { error: `requests:${key}.tooLong` })
    .refine((value) => ticketPattern.test(value), { error: `requests:${key}.characters` });

export const repeatNumSchema = integer('repeatNum').refine((value) => value === -1 || (value >= 1 && value <= requestLimits.repeatNumMax), {
  error: 'requests:repeatNum.range',
});
export const maxDurationSchema = integer('maxDuration')
  .min(requestLimits.maxDurationMin, { error: 'requests:maxDuration.range' })
  .max(requestLimits.maxDurationMax, { error: 'requests:maxDuration.range' });
export const volumeSchema = integer('volume').min(0, { error: 'requests:volume.range' }).max(requestLimits.volumeMax, {
  error: 'requests:volume.range',
});
export const tempoSchema = z
  .number({ error: 'requests:tempo.invalid' })
  .refine((value) => (tempoValues as readonly number[]).includes(value), { error: 'requests:tempo.invalid' });
export const idleTimeoutSchema = integer('idleTimeout')
  .min(0, { error: 'requests:idleTimeout.range' })
  .max(requestLimits.idleTimeoutMax, { error: 'requests:idleTimeout.range' });
export const seekSecondSchema = integer('seekSecond')
  .min(0, { error: 'requests:seekSecond.range' })
  .max(requestLimits.seekSecondMax, { error: 'requests:seekSecond.range' });
export const booleanSchema = z.boolean({ error: 'requests:boolean.type' });
export const taskIdSchema = z
  .string({ error: 'requests:taskId.required' })
  .min(1, { error: 'requests:taskId.required' })
  .max(requestLimits.taskIdMaxLength, { error: 'requests:taskId.tooLong' })
  .regex(taskIdPattern, { error: 'requests:taskId.characters' });

/** A region of the account's site; the site decides the endpoint and which regions exist. */
export function regionSchema(site: Site) {
  return z
    .string({ error: 'requests:region.required' })
    .min(1, { error: 'requests:region.required' })
    .refine((value) => isRegionOfSite(site, value), { error: 'requests:region.notOfSite' });
}

/** The message key for a room id, or null when it is valid for its type. */
export function roomIdProblem(roomIdType: number, roomId: string): string | null {
  if (roomId.length === 0) return 'requests:roomId.required';
  if (roomIdType === 1) {
    if (!intRoomPattern.test(roomId)) return 'requests:roomId.digits';
    const value = Number(roomId);
    return value >= requestLimits.intRoomMin && value <= requestLimits.intRoomMax ? null : 'requests:roomId.intRange';
  }
  if (byteLength(roomId) > requestLimits.strRoomMaxBytes) return 'requests:roomId.strTooLong';
  return strRoomPattern.test(roomId) ? null : 'requests:roomId.strCharacters';
}

/** MaxDuration only means something with RepeatNum -1 (loop until Stop or MaxDuration). */
export function maxDurationProblem(repeatNum: number | undefined, maxDuration: number | undefined | null): string | null {
  if (maxDuration === undefined || maxDuration === null) return null;
  return repeatNum === -1 ? null : 'requests:maxDuration.onlyWithLoop';
}

interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path: PropertyKey[]; input?: unknown }): void;
}

/** The cross-field rules, for any object that names its fields like the API or like a preset. */
export function checkRoom(ctx: IssueSink, roomIdType: number, roomId: string, path: PropertyKey[]): void {
  const problem = roomIdProblem(roomIdType, roomId);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path, input: roomId });
}

export function checkLoop(
  ctx: IssueSink,
  repeatNum: number | undefined,
  maxDuration: number | null | undefined,
  path: PropertyKey[],
): void {
  const problem = maxDurationProblem(repeatNum, maxDuration);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path, input: maxDuration });
}

export const startStreamIngestShape = {
  SdkAppId: sdkAppIdSchema,
  RoomId: z.string({ error: 'requests:roomId.required' }),
  RoomIdType: roomIdTypeSchema,
  UserId: userIdSchema,
  UserSig: ticketSchema('userSig'),
  StreamUrl: streamUrlSchema,
  PrivateMapKey: ticketSchema('privateMapKey').optional(),
  SeekSecond: seekSecondSchema.optional(),
  AutoPush: booleanSchema.optional(),
  RepeatNum: repeatNumSchema.optional(),
  MaxDuration: maxDurationSchema.optional(),
  Volume: volumeSchema.optional(),
  EnableProgress: booleanSchema.optional(),
  Tempo: tempoSchema.optional(),
  IdleTimeout: idleTimeoutSchema.optional(),
};

export const startStreamIngestBody = z
  .object(startStreamIngestShape)
  .strict()
  .superRefine((body, ctx) => {
    checkRoom(ctx, body.RoomIdType, body.RoomId, ['RoomId']);
    checkLoop(ctx, body.RepeatNum, body.MaxDuration, ['MaxDuration']);
  });
export type StartStreamIngestBody = z.infer<typeof startStreamIngestBody>;

export const describeStreamIngestBody = z.object({ SdkAppId: sdkAppIdSchema, TaskId: taskIdSchema }).strict();
export type DescribeStreamIngestBody = z.infer<typeof describeStreamIngestBody>;

export const updateStreamIngestBody = z
  .object({
    SdkAppId: sdkAppIdSchema,
    TaskId: taskIdSchema,
    StreamUrl: streamUrlSchema.optional(),
    Volume: volumeSchema.optional(),
    IsPause: booleanSchema.optional(),
    EnableProgress: booleanSchema.optional(),
    Tempo: tempoSchema.optional(),
  })
  .strict();
export type UpdateStreamIngestBody = z.infer<typeof updateStreamIngestBody>;

export const stopStreamIngestBody = z.object({ SdkAppId: sdkAppIdSchema, TaskId: taskIdSchema }).strict();
export type StopStreamIngestBody = z.infer<typeof stopStreamIngestBody>;

/** A request as it leaves: the region header plus the body, the region checked against the account's site. */
export function requestSchema<B extends z.ZodType>(site: Site, body: B) {
  return z.object({ Region: regionSchema(site), Body: body }).strict();
}

/**
 * One schema per site, built on first use: zod compiles an object schema the first time it parses,
 * so a schema built per call (every launch validates twice) paid that compilation every time.
 */
function perSite<B extends z.ZodType>(body: B): (site: Site) => ReturnType<typeof requestSchema<B>> {
  const bySite = new Map<Site, ReturnType<typeof requestSchema<B>>>();
  return (site) => {
    let schema = bySite.get(site);
    if (!schema) {
      schema = requestSchema(site, body);
      bySite.set(site, schema);
    }
    return schema;
  };
}

export const startStreamIngestRequest = perSite(startStreamIngestBody);
export const describeStreamIngestRequest = perSite(describeStreamIngestBody);
export const updateStreamIngestRequest = perSite(updateStreamIngestBody);
export const stopStreamIngestRequest = perSite(stopStreamIngestBody);

/** Every message key the schemas can produce (the i18n test checks each has a translation). */
export const requestMessageKeys = [
  'sdkAppId.type',
  'sdkAppId.range',
  'roomIdType.invalid',
  'roomId.required',
  'roomId.digits',
  'roomId.intRange',
  'roomId.strTooLong',
  'roomId.strCharacters',
  'userId.required',
  'userId.tooLong',
  'userId.characters',
  'streamUrl.required',
  'streamUrl.tooLong',
  'streamUrl.whitespace',
  'streamUrl.invalid',
  'streamUrl.scheme',
  'streamUrl.credentials',
  'userSig.required',
  'userSig.tooLong',
  'userSig.characters',
  'privateMapKey.required',
  'privateMapKey.tooLong',
  'privateMapKey.characters',
  'repeatNum.type',
  'repeatNum.range',
  'maxDuration.type',
  'maxDuration.range',
  'maxDuration.onlyWithLoop',
  'volume.type',
  'volume.range',
  'tempo.invalid',
  'idleTimeout.type',
  'idleTimeout.range',
  'seekSecond.type',
  'seekSecond.range',
  'boolean.type',
  'taskId.required',
  'taskId.tooLong',
  'taskId.characters',
  'region.required',
  'region.notOfSite',
] as const;
