/**
 * The preset form's flat values and their mapping to a PresetDraft. Validation is the shared draft
 * schema plus the cross-field rules run on their own, so a room or loop error shows while another
 * field is still invalid (a zod object refinement only runs once every field parses).
 */
import type { FieldErrors, Resolver } from 'react-hook-form';
import { type PresetDraft, type PresetView, presetDraftSchema } from '../../../../shared/contract/presets';
import { maxDurationProblem, roomIdProblem, ticketSchema } from '../../../../shared/trtc/requests';

type NumberField = number | '';

export interface PresetFormValues {
  name: string;
  sdkAppId: NumberField;
  region: string;
  roomIdType: '0' | '1';
  roomId: string;
  userId: string;
  mediaKind: 'url' | 'library';
  mediaUrl: string;
  mediaEntryId: string;
  repeatNum: NumberField;
  maxDuration: NumberField;
  volume: NumberField;
  seekSecond: NumberField;
  tempo: string;
  idleTimeout: NumberField;
  autoPush: boolean;
  enableProgress: boolean;
  userSigMode: 'generate' | 'paste';
  userSigExpiry: NumberField;
  pastedUserSig: string;
  privateMapKeyMode: 'none' | 'generate' | 'paste';
  privateMapKeyExpiry: NumberField;
  privileges: number;
  pastedPrivateMapKey: string;
  notes: string;
  tags: string[];
  folder: string;
}

export const emptyPresetForm: PresetFormValues = {
  name: '',
  sdkAppId: '',
  region: '',
  roomIdType: '1',
  roomId: '',
  userId: 'ingest_robot',
  mediaKind: 'url',
  mediaUrl: '',
  mediaEntryId: '',
  repeatNum: 1,
  maxDuration: '',
  volume: 100,
  seekSecond: 0,
  tempo: '1',
  idleTimeout: '',
  autoPush: false,
  enableProgress: false,
  userSigMode: 'generate',
  userSigExpiry: 600,
  pastedUserSig: '',
  privateMapKeyMode: 'none',
  privateMapKeyExpiry: 600,
  privileges: 255,
  pastedPrivateMapKey: '',
  notes: '',
  tags: [],
  folder: '',
};

export function formFromPreset(preset: PresetView): PresetFormValues {
  return {
    ...emptyPresetForm,
    name: preset.name,
    sdkAppId: preset.sdkAppId,
    region: preset.region,
    roomIdType: preset.roomIdType === 0 ? '0' : '1',
    roomId: preset.roomId,
    userId: preset.userId,
    mediaKind: preset.media.kind,
    mediaUrl: preset.media.kind === 'url' ? preset.media.url : '',
    mediaEntryId: preset.media.kind === 'library' ? preset.media.entryId : '',
    repeatNum: preset.repeatNum,
    maxDuration: preset.maxDuration ?? '',
    volume: preset.volume,
    seekSecond: preset.seekSecond,
    tempo: String(preset.tempo),
    idleTimeout: preset.idleTimeout ?? '',
    autoPush: preset.autoPush,
    enableProgress: preset.enableProgress,
    userSigMode: preset.userSig.mode,
    userSigExpiry: preset.userSig.mode === 'generate' ? preset.userSig.expirySeconds : emptyPresetForm.userSigExpiry,
    privateMapKeyMode: preset.privateMapKey.mode,
    privateMapKeyExpiry:
      preset.privateMapKey.mode === 'generate' ? preset.privateMapKey.expirySeconds : emptyPresetForm.privateMapKeyExpiry,
    privileges: preset.privateMapKey.mode === 'generate' ? preset.privateMapKey.privileges : emptyPresetForm.privileges,
    notes: preset.notes,
    tags: preset.tags,
    folder: preset.folder,
  };
}

const numberOrUndefined = (value: NumberField): number | undefined => (value === '' ? undefined : value);
const numberOrNull = (value: NumberField): number | null => (value === '' ? null : value);

/** The draft the form stands for (not yet validated). */
export function draftFromForm(values: PresetFormValues): unknown {
  return {
    name: values.name,
    sdkAppId: numberOrUndefined(values.sdkAppId),
    region: values.region,
    roomIdType: values.roomIdType === '0' ? 0 : 1,
    roomId: values.roomId,
    userId: values.userId,
    media: values.mediaKind === 'url' ? { kind: 'url', url: values.mediaUrl } : { kind: 'library', entryId: values.mediaEntryId },
    repeatNum: numberOrUndefined(values.repeatNum),
    maxDuration: numberOrNull(values.maxDuration),
    volume: numberOrUndefined(values.volume),
    seekSecond: numberOrUndefined(values.seekSecond),
    autoPush: values.autoPush,
    enableProgress: values.enableProgress,
    tempo: Number(values.tempo),
    idleTimeout: numberOrNull(values.idleTimeout),
    userSig:
      values.userSigMode === 'generate' ? { mode: 'generate', expirySeconds: numberOrUndefined(values.userSigExpiry) } : { mode: 'paste' },
    privateMapKey:
      values.privateMapKeyMode === 'generate'
        ? { mode: 'generate', expirySeconds: numberOrUndefined(values.privateMapKeyExpiry), privileges: values.privileges }
        : { mode: values.privateMapKeyMode },
    notes: values.notes,
    tags: values.tags,
    folder: values.folder,
  };
}

// Draft paths that are named differently in the flat form.
const formFieldOf: Record<string, keyof PresetFormValues> = {
  'media.url': 'mediaUrl',
  'media.entryId': 'mediaEntryId',
  'userSig.expirySeconds': 'userSigExpiry',
  'privateMapKey.expirySeconds': 'privateMapKeyExpiry',
  'privateMapKey.privileges': 'privileges',
};

export interface FormCheck {
  draft: PresetDraft | null;
  /** First message key per form field. */
  errors: Partial<Record<keyof PresetFormValues, string>>;
}

/** Checks the form as the user types; pasted tickets are checked only when one is typed in. */
export function checkPresetForm(values: PresetFormValues): FormCheck {
  const errors: FormCheck['errors'] = {};
  const add = (field: keyof PresetFormValues, message: string) => {
    errors[field] ??= message;
  };
  const parsed = presetDraftSchema.safeParse(draftFromForm(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      const field = formFieldOf[path] ?? (issue.path[0] as keyof PresetFormValues);
      if (field in emptyPresetForm) add(field, issue.message);
    }
  }
  const room = roomIdProblem(values.roomIdType === '0' ? 0 : 1, values.roomId);
  if (room) add('roomId', room);
  const loop = maxDurationProblem(numberOrUndefined(values.repeatNum), numberOrNull(values.maxDuration));
  if (loop) add('maxDuration', loop);
  for (const [field, kind, mode] of [
    ['pastedUserSig', 'userSig', values.userSigMode],
    ['pastedPrivateMapKey', 'privateMapKey', values.privateMapKeyMode],
  ] as const) {
    const text = values[field];
    if (mode !== 'paste' || text === '') continue;
    const ticket = ticketSchema(kind).safeParse(text);
    if (!ticket.success) add(field, ticket.error.issues[0]?.message ?? `requests:${kind}.characters`);
  }
  return { draft: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null, errors };
}

/** react-hook-form's resolver over checkPresetForm: messages stay i18n keys, the fields translate them. */
export const presetFormResolver: Resolver<PresetFormValues> = async (values) => {
  const { draft, errors } = checkPresetForm(values);
  if (draft) return { values, errors: {} };
  const fieldErrors: FieldErrors<PresetFormValues> = {};
  for (const [field, message] of Object.entries(errors)) {
    (fieldErrors as Record<string, { type: string; message: string }>)[field] = { type: 'validate', message };
  }
  return { values: {}, errors: fieldErrors };
};

/** The pasted tickets to send with a save: only those typed in (absent keeps what the keychain has). */
export function secretsFromForm(values: PresetFormValues): { userSig?: string; privateMapKey?: string } {
  const secrets: { userSig?: string; privateMapKey?: string } = {};
  if (values.userSigMode === 'paste' && values.pastedUserSig !== '') secrets.userSig = values.pastedUserSig;
  if (values.privateMapKeyMode === 'paste' && values.pastedPrivateMapKey !== '') secrets.privateMapKey = values.pastedPrivateMapKey;
  return secrets;
}
