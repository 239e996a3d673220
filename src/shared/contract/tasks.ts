/**
 * Live task control: the board of running tasks (launched here or adopted), their controls, scheduled
 * stops and batch launches. Status comes from DescribeStreamIngest polls in main, pushed as
 * `tasks.changed`; the API knows only InProgress / NotExist, so everything richer is derived here.
 */
import { z } from 'zod';
import { streamUrlSchema, taskIdSchema } from '../trtc/requests';
import { type Site, siteIds } from '../trtc/sites';
import { call, returns } from './define';

const idSchema = z.string().min(1).max(100);
export const tempoValues = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0] as const;

/**
 * `launching`: a Start is on its way. `running`: the last Describe said InProgress. `ended`: NotExist,
 * or stopped here. `unknown`: no TaskId to ask about (a Start with no trustworthy answer): check in
 * the TRTC console.
 */
export const liveStatuses = ['launching', 'running', 'ended', 'unknown'] as const;
export type LiveStatus = (typeof liveStatuses)[number];

/** `not-exist`: a Describe answered NotExist ("ended or stopped"); `stopped`: stopped from this app; `scheduled`: by a scheduled stop. */
export const endReasons = ['not-exist', 'stopped', 'scheduled'] as const;
export type EndReason = (typeof endReasons)[number];

const problemSchema = z.object({ code: z.string().max(200), message: z.string().max(2000), at: z.number() }).strict();

export const liveTaskSchema = z
  .object({
    id: idSchema,
    origin: z.enum(['launch', 'adopted']),
    /** The launch record (task registry) this task came from. */
    recordId: idSchema.optional(),
    taskId: z.string().max(256).optional(),
    sdkAppId: z.number().int(),
    profileId: z.string().max(100),
    /**
     * Where the task was created: a TaskId exists only in its region, so every later call goes there
     * (and to this site's host), whatever the profile says now. Absent on tasks stored before it was
     * recorded: those take it from their launch record, else the profile's region.
     */
    region: z.string().max(40).optional(),
    site: z.enum(siteIds as [Site, ...Site[]]).optional(),
    roomIdType: z.union([z.literal(0), z.literal(1)]).nullable(),
    /** Empty when not known (an adopted task whose room was not given). */
    roomId: z.string().max(200),
    /** The preset's name, or what the user called an adopted task. */
    label: z.string().max(200),
    streamUrl: z.string().max(4096).nullable(),
    status: z.enum(liveStatuses),
    endReason: z.enum(endReasons).optional(),
    /** Epoch ms. For adopted tasks: when it was adopted (its real start is unknown). */
    startedAt: z.number(),
    endedAt: z.number().optional(),
    paused: z.boolean(),
    pausedSince: z.number().nullable(),
    /** Paused time before the current pause. */
    pausedTotalMs: z.number().min(0),
    /** null: not known (adopted tasks start with the API's defaults unknown). */
    volume: z.number().min(0).max(200).nullable(),
    tempo: z.number().nullable(),
    enableProgress: z.boolean().nullable(),
    repeatNum: z.number().int().nullable(),
    maxDurationMinutes: z.number().int().nullable(),
    /** The media's length when known (probe), for the expected end. */
    mediaSeconds: z.number().positive().nullable(),
    scheduledStopAt: z.number().nullable(),
    /** When a Describe last confirmed the status (epoch ms): the board polls 200 tasks within the rate limit, so this says how fresh each status is. */
    lastCheckedAt: z.number().nullable(),
    /** The last failed call about this task (poll or control), cleared by the next success. */
    lastError: problemSchema.nullable(),
  })
  .strict();
export type LiveTask = z.infer<typeof liveTaskSchema>;

export interface StopResult {
  id: string;
  /** True when the task is gone (a Stop answering "no such task" counts). */
  stopped: boolean;
  error?: { code: string; message: string };
}

export const batchItemSchema = z
  .object({
    presetId: idSchema,
    /** Launch the preset into this room instead of its own. */
    roomId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type BatchItem = z.infer<typeof batchItemSchema>;

export type BatchItemState = 'queued' | 'launching' | 'started' | 'failed' | 'unknown' | 'cancelled';

export interface BatchItemResult extends BatchItem {
  state: BatchItemState;
  /** The launch record, once one exists. */
  recordId?: string;
  taskId?: string;
  error?: { code: string; message: string };
}

export interface BatchView {
  id: string;
  createdAt: number;
  state: 'running' | 'done' | 'cancelled';
  items: BatchItemResult[];
}

/**
 * The start-up check: after a restart every open task is described again, in the background, within
 * the API's rate limit. `pending` are the tasks still waiting for their answer ("being checked").
 */
export interface StartupCheck {
  state: 'checking' | 'done';
  total: number;
  checked: number;
  pending: string[];
}

const sourceSchema = z.discriminatedUnion('kind', [
  // Start's StreamUrl rule: a URL that could not be launched cannot be switched to either.
  z.object({ kind: z.literal('url'), url: streamUrlSchema }).strict(),
  z.object({ kind: z.literal('entry'), entryId: idSchema }).strict(),
]);

const byId = z.object({ id: idSchema }).strict();

export const tasksCalls = {
  list: call(() => z.object({}).strict(), returns<LiveTask[]>()),
  /** Describe now, outside the polling schedule. */
  refresh: call(byId, returns<LiveTask>()),
  pause: call(byId, returns<LiveTask>()),
  resume: call(byId, returns<LiveTask>()),
  setVolume: call(() => z.object({ id: idSchema, volume: z.number().int().min(0).max(200) }).strict(), returns<LiveTask>()),
  setTempo: call(() => z.object({ id: idSchema, tempo: z.literal(tempoValues) }).strict(), returns<LiveTask>()),
  setProgress: call(() => z.object({ id: idSchema, enabled: z.boolean() }).strict(), returns<LiveTask>()),
  switchSource: call(() => z.object({ id: idSchema, source: sourceSchema }).strict(), returns<LiveTask>()),
  stop: call(byId, returns<StopResult>()),
  stopRoom: call(
    () => z.object({ sdkAppId: z.number().int().min(1), roomId: z.string().min(1).max(200) }).strict(),
    returns<StopResult[]>(),
  ),
  stopAll: call(() => z.object({}).strict(), returns<StopResult[]>()),
  /** Exactly one of `afterMinutes` and `at` (epoch ms). */
  scheduleStop: call(
    () =>
      z
        .object({ id: idSchema, afterMinutes: z.number().int().min(1).max(10_080).optional(), at: z.number().int().min(0).optional() })
        .strict()
        .refine((input) => (input.afterMinutes === undefined) !== (input.at === undefined), { error: 'tasks:schedule.oneOf' }),
    returns<LiveTask>(),
  ),
  cancelScheduledStop: call(byId, returns<LiveTask>()),
  adopt: call(
    () =>
      z
        .object({
          sdkAppId: z.number().int().min(1).max(4_294_967_295),
          // The same rule as every TaskId the app sends: refused here, before the wire.
          taskId: z.string().trim().pipe(taskIdSchema),
          profileId: idSchema.optional(),
          /** The region the task lives in; the profile's region when absent. */
          region: z.string().min(1).max(40).optional(),
          roomId: z.string().max(200).optional(),
          label: z.string().max(200).optional(),
        })
        .strict(),
    returns<LiveTask>(),
  ),
  /** Removes an ended task from the history. */
  forget: call(byId, returns<{ removed: boolean }>()),
  /** With any item into a live (non-sandbox) account only with `confirmLive: true`, else CONFLICT with guard `liveConfirm` and no item sent. */
  batchStart: call(
    () => z.object({ items: z.array(batchItemSchema).min(1).max(200), confirmLive: z.boolean().optional() }).strict(),
    returns<BatchView>(),
  ),
  batchCancel: call(() => z.object({ batchId: idSchema }).strict(), returns<BatchView>()),
  batches: call(() => z.object({}).strict(), returns<BatchView[]>()),
  startupCheck: call(() => z.object({}).strict(), returns<StartupCheck>()),
};

export const tasksEvents = {
  'tasks.changed': returns<LiveTask>(),
  'tasks.removed': returns<{ id: string }>(),
  'tasks.batchProgress': returns<BatchView>(),
  'tasks.startupCheck': returns<StartupCheck>(),
};
