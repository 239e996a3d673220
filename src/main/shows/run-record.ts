import { z } from 'zod';
import { cueRunStates, runModes } from '../../shared/shows/run-state';
import { storedShowSchema } from '../../shared/shows/show-schema';

const errorSchema = z.object({ code: z.string().max(200), message: z.string().max(2000) }).strict();

/** Where a launch cue's Start goes, written before it is sent: a restart matches it against the launch records. */
const plannedLaunchSchema = z.object({ sdkAppId: z.number().int(), roomId: z.string().max(200), userId: z.string().max(64) }).strict();

export const cueRecordSchema = z
  .object({
    cueId: z.string().max(100),
    state: z.enum(cueRunStates),
    dueAt: z.number().nullable(),
    firedAt: z.number().optional(),
    lateMs: z.number().optional(),
    delayedMs: z.number().optional(),
    target: z.enum(['live', 'sandbox']),
    heldBy: z.string().max(100).optional(),
    error: errorSchema.optional(),
    /** Show time its action finished: an `after` cue counts from it. */
    finishedAt: z.number().optional(),
    /** Real time (epoch ms) it began firing. */
    firedReal: z.number().optional(),
    planned: plannedLaunchSchema.optional(),
    /** The launch record (and board task) a launch cue made. */
    recordId: z.string().max(100).optional(),
  })
  .strict();
export type CueRecord = z.infer<typeof cueRecordSchema>;

/**
 * One run of a show, written before each cue fires and after it answers: after a crash the run
 * resumes from it (future cues re-arm, passed ones are missed, a cue caught mid-fire is resolved
 * against the launch records). The show is copied in, so editing the show does not change a run.
 */
export const runRecordSchema = z
  .object({
    id: z.string().max(100),
    show: storedShowSchema,
    mode: z.enum(runModes),
    state: z.enum(['armed', 'running', 'held', 'ended']),
    armedAt: z.number(),
    startedAt: z.number().nullable(),
    clock: z
      .object({
        realBase: z.number(),
        showBase: z.number(),
        speed: z.union([z.literal(1), z.literal(10), z.literal(60)]),
        running: z.boolean(),
      })
      .strict(),
    cues: z.array(cueRecordSchema),
    taskIds: z.record(z.string(), z.string()),
    recoveredAt: z.number().optional(),
    overridden: z.boolean(),
    endedAt: z.number().optional(),
  })
  .strict();
export type RunRecord = z.infer<typeof runRecordSchema>;

export const showRunsRecords = {
  file: 'show-runs.json',
  version: 1,
  key: 'runs',
  recordSchema: runRecordSchema,
  maxRecords: 1000,
} as const;
