/**
 * Presets: everything a StartStreamIngest needs except secrets, saved under a name. Field rules come
 * from the request schemas (src/shared/trtc/requests.ts), so the form, the import and main agree.
 * Pasted UserSigs and PrivateMapKeys are secrets: they go to the OS keychain through `secrets` on
 * create/update and never come back; a preset only says whether one is set.
 */
import { z } from 'zod';
import {
  booleanSchema,
  checkLoop,
  checkRoom,
  idleTimeoutSchema,
  maxDurationSchema,
  repeatNumSchema,
  roomIdTypeSchema,
  sdkAppIdSchema,
  seekSecondSchema,
  streamUrlSchema,
  tempoSchema,
  ticketSchema,
  userIdSchema,
  volumeSchema,
} from '../trtc/requests';
import { call, returns } from './define';

export const presetLimits = {
  nameMax: 100,
  notesMax: 2000,
  tagMax: 40,
  tagsMax: 20,
  folderMax: 100,
  presetsMax: 2000,
  importMaxChars: 5_000_000,
  /** UserSig expiry: at least a minute, at most the console's 180 days. */
  userSigExpiryMin: 60,
  userSigExpiryMax: 180 * 24 * 3600,
} as const;

/** PrivateMapKey privilege bits (TLS sig v2). */
export const privilegeBits = {
  createRoom: 1,
  enterRoom: 2,
  sendAudio: 4,
  receiveAudio: 8,
  sendVideo: 16,
  receiveVideo: 32,
  sendSubstream: 64,
  receiveSubstream: 128,
} as const;
export const allPrivileges = 255;

const idSchema = z.string().min(1).max(100);

export const presetMediaSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('library'), entryId: z.string().min(1, { error: 'presets:media.entryRequired' }).max(100) }).strict(),
  z.object({ kind: z.literal('url'), url: streamUrlSchema }).strict(),
]);
export type PresetMedia = z.infer<typeof presetMediaSchema>;

const expirySchema = z
  .number({ error: 'presets:expiry.range' })
  .int({ error: 'presets:expiry.range' })
  .min(presetLimits.userSigExpiryMin, { error: 'presets:expiry.range' })
  .max(presetLimits.userSigExpiryMax, { error: 'presets:expiry.range' });

export const userSigModeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('generate'), expirySeconds: expirySchema }).strict(),
  z.object({ mode: z.literal('paste') }).strict(),
]);
export type UserSigMode = z.infer<typeof userSigModeSchema>;

export const privateMapKeyModeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }).strict(),
  z
    .object({
      mode: z.literal('generate'),
      expirySeconds: expirySchema,
      // Entering the room is what the robot does: without it the key is useless.
      privileges: z
        .number()
        .int()
        .min(1, { error: 'presets:privileges.enterRoom' })
        .max(allPrivileges)
        .refine((bits) => (bits & privilegeBits.enterRoom) !== 0, { error: 'presets:privileges.enterRoom' }),
    })
    .strict(),
  z.object({ mode: z.literal('paste') }).strict(),
]);
export type PrivateMapKeyMode = z.infer<typeof privateMapKeyModeSchema>;

export const tagSchema = z.string().trim().min(1).max(presetLimits.tagMax, { error: 'presets:tags.tooLong' });

/** The fields a user edits; a stored preset adds id, order and times. */
export const presetDraftShape = {
  name: z.string().trim().min(1, { error: 'presets:name.required' }).max(presetLimits.nameMax, { error: 'presets:name.tooLong' }),
  sdkAppId: sdkAppIdSchema,
  region: z.string().min(1, { error: 'requests:region.required' }).max(40),
  roomIdType: roomIdTypeSchema,
  roomId: z.string().max(200),
  userId: userIdSchema,
  media: presetMediaSchema,
  repeatNum: repeatNumSchema,
  maxDuration: maxDurationSchema.nullable(),
  volume: volumeSchema,
  seekSecond: seekSecondSchema,
  autoPush: booleanSchema,
  enableProgress: booleanSchema,
  tempo: tempoSchema,
  idleTimeout: idleTimeoutSchema.nullable(),
  userSig: userSigModeSchema,
  privateMapKey: privateMapKeyModeSchema,
  notes: z.string().max(presetLimits.notesMax, { error: 'presets:notes.tooLong' }),
  tags: z.array(tagSchema).max(presetLimits.tagsMax, { error: 'presets:tags.tooMany' }),
  folder: z.string().trim().max(presetLimits.folderMax, { error: 'presets:folder.tooLong' }),
};

export const presetDraftSchema = z
  .object(presetDraftShape)
  .strict()
  .superRefine((draft, ctx) => {
    checkRoom(ctx, draft.roomIdType, draft.roomId, ['roomId']);
    checkLoop(ctx, draft.repeatNum, draft.maxDuration, ['maxDuration']);
  });
export type PresetDraft = z.infer<typeof presetDraftSchema>;

export const storedPresetSchema = z
  .object({
    ...presetDraftShape,
    id: idSchema,
    order: z.number().int().min(0),
    createdAt: z.string().max(40),
    updatedAt: z.string().max(40),
  })
  .strict();
export type StoredPreset = z.infer<typeof storedPresetSchema>;

/**
 * What the page sees: the preset and whether each pasted ticket is in the keychain (never its value;
 * null when the keychain cannot be read).
 */
export interface PresetView extends StoredPreset {
  secrets: { userSig: boolean | null; privateMapKey: boolean | null };
}

/** A pasted secret: a string sets it, null clears it, absent leaves it as it is. */
export const presetSecretsInput = z
  .object({
    userSig: ticketSchema('userSig').nullable().optional(),
    privateMapKey: ticketSchema('privateMapKey').nullable().optional(),
  })
  .strict();

export interface ImportRejection {
  /** Position in the file's list, from 0. */
  index: number;
  name?: string;
  /** Field path and message key (or message) per problem. */
  problems: { path: string; message: string }[];
}

export interface ImportReport {
  imported: PresetView[];
  rejected: ImportRejection[];
}

export const presetsCalls = {
  list: call(() => z.object({}).strict(), returns<PresetView[]>()),
  create: call(() => z.object({ draft: presetDraftSchema, secrets: presetSecretsInput.optional() }).strict(), returns<PresetView>()),
  update: call(
    () => z.object({ id: idSchema, draft: presetDraftSchema, secrets: presetSecretsInput.optional() }).strict(),
    returns<PresetView>(),
  ),
  duplicate: call(() => z.object({ id: idSchema }).strict(), returns<PresetView>()),
  remove: call(() => z.object({ id: idSchema }).strict(), returns<{ removed: boolean }>()),
  reorder: call(() => z.object({ ids: z.array(idSchema).max(presetLimits.presetsMax) }).strict(), returns<PresetView[]>()),
  exportJson: call(
    () => z.object({ ids: z.array(idSchema).max(presetLimits.presetsMax).optional() }).strict(),
    returns<{ json: string; count: number }>(),
  ),
  importJson: call(() => z.object({ json: z.string().max(presetLimits.importMaxChars) }).strict(), returns<ImportReport>()),
};

export const presetsEvents = {
  'presets.changed': returns<PresetView[]>(),
};
