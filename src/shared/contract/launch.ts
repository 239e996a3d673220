/**
 * Launching a StartStreamIngest from a preset or a one-off form, and the task registry it writes:
 * a task is recorded as `pending` before the request leaves, then becomes `started`, `failed` or
 * `unknown` (no trustworthy answer: never retried automatically).
 */
import { z } from 'zod';
import { type Site, siteIds } from '../trtc/sites';
import type { CostGuards } from '../trtc/start-request';
import { call, returns } from './define';
import { presetDraftSchema, presetSecretsInput } from './presets';

const idSchema = z.string().min(1).max(100);

export const launchSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preset'), presetId: idSchema }).strict(),
  // A one-off launch: pasted tickets travel with it and are used once, never stored.
  z.object({ kind: z.literal('draft'), draft: presetDraftSchema, secrets: presetSecretsInput.optional() }).strict(),
]);
export type LaunchSource = z.infer<typeof launchSourceSchema>;

export interface LaunchProblem {
  /** Field path in the request (`Region`, `Body.RoomId`) or the preset (`media`, `userSig`). */
  path: string;
  /** An i18n key (`requests:…`, `launch:…`) or a plain message. */
  message: string;
}

export interface LaunchPreview {
  region: string;
  /** The exact body, UserSig and PrivateMapKey shown as "[redacted]". */
  body: Record<string, unknown>;
  /** `tccli trtc StartStreamIngest --region … --cli-input-json '…'` (tickets redacted too). */
  command: string;
  guards: CostGuards;
  /** Why it cannot be sent as it is; empty when it can. */
  problems: LaunchProblem[];
  /** True when the account is the built-in sandbox. */
  sandbox: boolean;
}

export const taskStates = ['pending', 'started', 'failed', 'unknown'] as const;
export type TaskState = (typeof taskStates)[number];

/** Why a Start has no trustworthy outcome. */
export const unknownReasons = ['timeout', 'connection', 'http-status', 'no-task-id', 'interrupted'] as const;
export type UnknownReason = (typeof unknownReasons)[number];

export const ticketModeSchema = z.enum(['generate', 'paste', 'none']);

export const taskRecordSchema = z
  .object({
    id: idSchema,
    state: z.enum(taskStates),
    createdAt: z.string().max(40),
    updatedAt: z.string().max(40),
    presetId: idSchema.nullable(),
    presetName: z.string().max(200),
    sdkAppId: z.number().int(),
    region: z.string().max(40),
    /** The site (API host) the Start went to; absent on records written before it was kept. */
    site: z.enum(siteIds as [Site, ...Site[]]).optional(),
    roomIdType: z.union([z.literal(0), z.literal(1)]),
    roomId: z.string().max(200),
    userId: z.string().max(64),
    streamUrl: z.string().max(4096),
    /** The body as sent, tickets redacted. */
    request: z.record(z.string(), z.unknown()),
    profileId: z.string().max(100).optional(),
    sandbox: z.boolean().optional(),
    taskId: z.string().max(256).optional(),
    requestId: z.string().max(256).optional(),
    error: z
      .object({ code: z.string().max(200), message: z.string().max(2000), requestId: z.string().max(256).optional() })
      .strict()
      .optional(),
    unknownReason: z.enum(unknownReasons).optional(),
    /** The record this one deliberately retried. */
    retryOf: idSchema.optional(),
    /** How the tickets were obtained, so a deliberate retry can get fresh ones the same way. */
    tickets: z.object({ userSig: ticketModeSchema, privateMapKey: ticketModeSchema }).strict(),
    /** The preset fields at launch time (no secret), for a deliberate retry. */
    launch: presetDraftSchema,
  })
  .strict();
export type TaskRecord = z.infer<typeof taskRecordSchema>;

export const launchCalls = {
  preview: call(() => z.object({ source: launchSourceSchema }).strict(), returns<LaunchPreview>()),
  /** Into a live (non-sandbox) account only with `confirmLive: true`, else CONFLICT with guard `liveConfirm` and nothing sent. */
  start: call(
    () =>
      z.object({ source: launchSourceSchema, confirmUnboundedLoop: z.boolean().optional(), confirmLive: z.boolean().optional() }).strict(),
    returns<TaskRecord>(),
  ),
  tasks: call(() => z.object({}).strict(), returns<TaskRecord[]>()),
  /** Launch again what an unknown or failed record launched; for unknown ones the user confirms the duplicate risk, for live ones `confirmLive`. */
  retry: call(
    () =>
      z
        .object({
          recordId: idSchema,
          confirmPossibleDuplicate: z.boolean().optional(),
          confirmUnboundedLoop: z.boolean().optional(),
          confirmLive: z.boolean().optional(),
        })
        .strict(),
    returns<TaskRecord>(),
  ),
};

export const launchEvents = {
  'launch.taskChanged': returns<TaskRecord>(),
};
