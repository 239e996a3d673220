/**
 * A show: named tasks (what each launches, where) and an ordered list of cues (when, and what to do).
 * Cues name the show's tasks ("Lobby 8001"), never TaskIds, which do not exist before the show runs.
 * Messages are translation keys (`shows:…`); the page shows them beside the cue or task they concern.
 * Whether a cue's task exists is a pre-flight problem (see sheet-checks.ts), not a schema error, so a
 * sheet being written can be saved half done.
 */
import { z } from 'zod';
import { streamUrlSchema, tempoSchema, volumeSchema } from '../trtc/requests';

export const showLimits = {
  nameMax: 100,
  notesMax: 2000,
  taskNameMax: 100,
  cueLabelMax: 200,
  tasksMax: 500,
  cuesMax: 2000,
  showsMax: 500,
  /** An `offset`/`after` delay: at most a week. */
  delayMaxSeconds: 7 * 24 * 3600,
  leadMinutesMax: 24 * 60,
  importMaxChars: 5_000_000,
} as const;

const idSchema = z.string().min(1).max(100);

export const showTaskNameSchema = z
  .string({ error: 'shows:task.nameRequired' })
  .trim()
  .min(1, { error: 'shows:task.nameRequired' })
  .max(showLimits.taskNameMax, { error: 'shows:task.nameTooLong' });

/** ISO 8601 with a zone (`2026-12-06T19:50:00Z`, `…+08:00`): a show's times are absolute. */
export const showTimeSchema = z.iso.datetime({ offset: true, error: 'shows:time.invalid' });

/** A task of the show: the preset it launches and, optionally, the room it goes into instead of the preset's. */
export const showTaskSchema = z
  .object({
    name: showTaskNameSchema,
    presetId: z.string({ error: 'shows:task.presetRequired' }).min(1, { error: 'shows:task.presetRequired' }).max(100),
    roomId: z.string().trim().min(1, { error: 'shows:task.roomInvalid' }).max(200, { error: 'shows:task.roomInvalid' }).optional(),
  })
  .strict();
export type ShowTask = z.infer<typeof showTaskSchema>;

const delaySchema = z
  .number({ error: 'shows:trigger.delayRange' })
  .int({ error: 'shows:trigger.delayRange' })
  .min(0, { error: 'shows:trigger.delayRange' })
  .max(showLimits.delayMaxSeconds, { error: 'shows:trigger.delayRange' });

/**
 * When a cue fires. `at`: a wall-clock time. `offset`: seconds after the show's start (its planned
 * start, else the producer's first Go). `after`: seconds after the previous cue's action finished (the
 * first cue: after the show's start). `go`: when the producer presses Go.
 */
export const cueTriggerSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('at'), at: showTimeSchema }).strict(),
    z.object({ kind: z.literal('offset'), seconds: delaySchema }).strict(),
    z.object({ kind: z.literal('after'), seconds: delaySchema }).strict(),
    z.object({ kind: z.literal('go') }).strict(),
  ],
  { error: 'shows:trigger.invalid' },
);
export type CueTrigger = z.infer<typeof cueTriggerSchema>;
export const triggerKinds = ['at', 'offset', 'after', 'go'] as const;

export const cueSourceSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('url'), url: streamUrlSchema }).strict(),
    z.object({ kind: z.literal('entry'), entryId: z.string().min(1, { error: 'shows:source.entryRequired' }).max(100) }).strict(),
  ],
  { error: 'shows:source.invalid' },
);
export type CueSource = z.infer<typeof cueSourceSchema>;

const task = showTaskNameSchema;

/**
 * What a cue does. `launch` starts the named task (its preset, into its room). `stopRoom` stops every
 * task of this show in that room; `stopShow` every task this show started. Nothing stops tasks the
 * show did not start.
 */
export const cueActionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('launch'), task }).strict(),
    z.object({ kind: z.literal('switchSource'), task, source: cueSourceSchema }).strict(),
    z.object({ kind: z.literal('volume'), task, volume: volumeSchema }).strict(),
    z.object({ kind: z.literal('tempo'), task, tempo: tempoSchema }).strict(),
    z.object({ kind: z.literal('pause'), task }).strict(),
    z.object({ kind: z.literal('resume'), task }).strict(),
    z.object({ kind: z.literal('stop'), task }).strict(),
    z.object({ kind: z.literal('stopRoom'), roomId: z.string().trim().min(1, { error: 'shows:action.roomRequired' }).max(200) }).strict(),
    z.object({ kind: z.literal('stopShow') }).strict(),
  ],
  { error: 'shows:action.invalid' },
);
export type CueAction = z.infer<typeof cueActionSchema>;
export type CueActionKind = CueAction['kind'];
export const actionKinds = ['launch', 'switchSource', 'volume', 'tempo', 'pause', 'resume', 'stop', 'stopRoom', 'stopShow'] as const;

export const cueSchema = z
  .object({
    /** Stable within the show (the page makes one, e.g. a UUID); runs and problems name cues by it. */
    id: idSchema,
    label: z.string().max(showLimits.cueLabelMax, { error: 'shows:cue.labelTooLong' }).optional(),
    trigger: cueTriggerSchema,
    action: cueActionSchema,
  })
  .strict();
export type Cue = z.infer<typeof cueSchema>;

/** The fields a producer edits; a stored show adds id, revision and times. */
export const showDraftShape = {
  name: z.string().trim().min(1, { error: 'shows:name.required' }).max(showLimits.nameMax, { error: 'shows:name.tooLong' }),
  plannedStart: showTimeSchema.optional(),
  /** The automatic pre-flight runs this many minutes before the first timed cue (0: never automatically). */
  preflightLeadMinutes: z
    .number()
    .int({ error: 'shows:lead.range' })
    .min(0, { error: 'shows:lead.range' })
    .max(showLimits.leadMinutesMax, { error: 'shows:lead.range' }),
  tasks: z.array(showTaskSchema).max(showLimits.tasksMax, { error: 'shows:tasks.tooMany' }),
  cues: z.array(cueSchema).max(showLimits.cuesMax, { error: 'shows:cues.tooMany' }),
  notes: z.string().max(showLimits.notesMax, { error: 'shows:notes.tooLong' }),
};

export const showDraftSchema = z
  .object(showDraftShape)
  .strict()
  .superRefine((draft, ctx) => {
    const names = new Set<string>();
    draft.tasks.forEach((task, index) => {
      if (names.has(task.name)) ctx.addIssue({ code: 'custom', path: ['tasks', index, 'name'], message: 'shows:task.nameTaken' });
      names.add(task.name);
    });
    const ids = new Set<string>();
    draft.cues.forEach((cue, index) => {
      if (ids.has(cue.id)) ctx.addIssue({ code: 'custom', path: ['cues', index, 'id'], message: 'shows:cue.idTaken' });
      ids.add(cue.id);
    });
  });
export type ShowDraft = z.infer<typeof showDraftSchema>;

export const storedShowSchema = z
  .object({
    ...showDraftShape,
    id: idSchema,
    /** Goes up by one at every save; a save names the revision it edited, so two editors cannot overwrite each other. */
    revision: z.number().int().min(1),
    createdAt: z.string().max(40),
    updatedAt: z.string().max(40),
  })
  .strict();
export type StoredShow = z.infer<typeof storedShowSchema>;

/** What the show list shows. */
export interface ShowSummary {
  id: string;
  name: string;
  revision: number;
  plannedStart?: string;
  taskCount: number;
  cueCount: number;
  updatedAt: string;
}
