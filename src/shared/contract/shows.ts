/**
 * Shows: run-sheets of cues saved like presets (validated, versioned by revision, journaled), their
 * pre-flight, and running one (live, or a rehearsal on the built-in sandbox at x1/x10/x60). The schemas
 * live in src/shared/shows so the page's editor validates with the same rules.
 */
import { z } from 'zod';
import type { PreflightReport } from '../shows/preflight';
import { runModes, runSpeeds, type ShowRun } from '../shows/run-state';
import { type ShowSummary, type StoredShow, showDraftSchema, showDraftShape, showLimits } from '../shows/show-schema';
import { call, returns } from './define';

const idSchema = z.string().min(1).max(100);
const byId = z.object({ id: idSchema }).strict();
const byCue = z.object({ id: idSchema, cueId: idSchema }).strict();

export interface ShowImportRejection {
  /** Position in the file's list (JSON) or the row number (CSV, 1 = the header), from 0. */
  index: number;
  name?: string;
  /** Field path (or CSV column) and message key (or message) per problem. */
  problems: { path: string; message: string }[];
}

export interface ShowImportReport {
  imported: ShowSummary[];
  rejected: ShowImportRejection[];
}

/** A fault for the rehearsal's sandbox (the sandbox's FaultRule, minus echo). */
export const rehearsalFaultSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    failure: z.enum(['http-500', 'http-502', 'http-503', 'hang', 'reset', 'truncated', 'html']).optional(),
    failureTimes: z.number().int().min(1).max(1000).optional(),
    failAfterProcessing: z.boolean().optional(),
    error: z
      .object({ code: z.string().min(1).max(100), message: z.string().max(500).optional(), times: z.number().int().min(1).max(1000) })
      .strict()
      .optional(),
  })
  .strict();

export const showsCalls = {
  list: call(() => z.object({}).strict(), returns<ShowSummary[]>()),
  get: call(byId, returns<StoredShow>()),
  /**
   * Creates (no id) or replaces a show. Replacing names the revision it edited: another save since
   * answers CONFLICT (details `{ id }`; `get` the show again for its revision).
   */
  save: call(
    () => z.object({ id: idSchema.optional(), revision: z.number().int().min(1).optional(), draft: showDraftSchema }).strict(),
    returns<StoredShow>(),
  ),
  duplicate: call(byId, returns<StoredShow>()),
  remove: call(byId, returns<{ removed: boolean }>()),
  exportJson: call(
    () => z.object({ ids: z.array(idSchema).max(showLimits.showsMax).optional() }).strict(),
    returns<{ json: string; count: number }>(),
  ),
  importJson: call(() => z.object({ json: z.string().max(showLimits.importMaxChars) }).strict(), returns<ShowImportReport>()),
  /** The run-sheet as CSV (columns: src/shared/shows/csv-columns.ts, docs/shows.md). */
  exportCsv: call(byId, returns<{ csv: string; fileName: string }>()),
  /** A CSV run-sheet becomes a new show named `name`; any bad row rejects the file (nothing saved), each row's problems listed. */
  importCsv: call(
    () =>
      z
        .object({
          csv: z.string().max(showLimits.importMaxChars),
          name: showDraftShape.name,
          plannedStart: showDraftShape.plannedStart,
          preflightLeadMinutes: showDraftShape.preflightLeadMinutes.optional(),
        })
        .strict(),
    returns<ShowImportReport>(),
  ),
  /** Probes, tests, tickets, conflicts, rate budget and billed minutes; `mode` defaults to live. */
  preflight: call(() => z.object({ id: idSchema, mode: z.enum(runModes).optional() }).strict(), returns<PreflightReport>()),
  /** The last pre-flight of a show (manual or automatic), if any since the app started. */
  lastPreflight: call(byId, returns<PreflightReport | null>()),
  /** Arms a show (one at a time). A live run into a live app needs `confirmLive`. Blocking pre-flight problems refuse it unless `override`: CONFLICT, details `{ state: 'preflightBlocking' }`, the problems in `lastPreflight` and the `shows.preflight` event. */
  arm: call(
    () =>
      z
        .object({
          id: idSchema,
          mode: z.enum(runModes),
          /** Rehearsal only; live runs at 1. */
          speed: z.union([z.literal(runSpeeds[0]), z.literal(runSpeeds[1]), z.literal(runSpeeds[2])]).optional(),
          override: z.boolean().optional(),
          /** A live run that launches into a live app: the producer confirmed (else CONFLICT, guard `liveConfirm`). */
          confirmLive: z.boolean().optional(),
        })
        .strict(),
    returns<ShowRun>(),
  ),
  /** The run now (null: no show armed). */
  run: call(() => z.object({}).strict(), returns<ShowRun | null>()),
  /** Starts the show clock if it has not started, else fires the next cue waiting for Go. */
  go: call(byId, returns<ShowRun>()),
  /** Holds every timed cue (the show clock stops); nothing already sent is undone. */
  hold: call(byId, returns<ShowRun>()),
  resume: call(byId, returns<ShowRun>()),
  skip: call(byCue, returns<ShowRun>()),
  /** Skips every cue before this one still to fire, and fires it now. */
  jump: call(byCue, returns<ShowRun>()),
  /** Fires one missed or held cue now (the producer decided). */
  fire: call(byCue, returns<ShowRun>()),
  /** Ends the run; `stopTasks` also stops every task the show started. */
  disarm: call(() => z.object({ id: idSchema, stopTasks: z.boolean().optional() }).strict(), returns<ShowRun>()),
  /** Rehearsal on the built-in sandbox only: sets (rule) or clears (null) a fault on an action (`'*'` every action). */
  setFault: call(
    () =>
      z
        .object({
          id: idSchema,
          action: z.enum(['StartStreamIngest', 'DescribeStreamIngest', 'UpdateStreamIngest', 'StopStreamIngest', '*']),
          rule: rehearsalFaultSchema.nullable(),
        })
        .strict(),
    returns<{ faults: Record<string, z.infer<typeof rehearsalFaultSchema>> }>(),
  ),
};

export const showsEvents = {
  'shows.changed': returns<ShowSummary[]>(),
  'shows.run': returns<ShowRun | null>(),
  'shows.preflight': returns<PreflightReport>(),
};
