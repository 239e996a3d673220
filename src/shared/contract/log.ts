import { z } from 'zod';
import { type ApiCallRecord, type CallOutcome, callOutcomes, type TrtcAction, trtcActions } from '../trtc/api-call-record';
import { call, returns } from './define';

/** The TRTC actions and outcomes a log line can record: exactly those of the client's call records. */
export const logActions = trtcActions;
export type LogAction = TrtcAction;
export const logOutcomes = callOutcomes;
export type LogOutcome = CallOutcome;

/** Identical Describe results for one task folded into the line of the first one. */
export interface LogRepeat {
  /** How many calls the row stands for, the first included. */
  count: number;
  lastAt: string;
  lastRequestId?: string;
  lastLatencyMs: number;
}

/** One API call as the log keeps it (redacted), with the id and sequence number the log gave it. */
export interface LogEntry extends ApiCallRecord {
  id: string;
  seq: number;
  /** The page call (dispatcher call id) this API call was made for; absent for background work such as polls. */
  callId?: string;
  repeat?: LogRepeat;
}

/** A table row: the entry without its parameters and response (those come with `log.entry`). */
export type LogRow = Omit<LogEntry, 'params' | 'response'>;

const isoTime = z.iso.datetime({ offset: true });

export const logFilterSchema = z
  .object({
    sdkAppId: z.number().int().min(1).max(4_294_967_295).optional(),
    roomId: z.string().min(1).max(64).optional(),
    actions: z.array(z.enum(logActions)).max(logActions.length).optional(),
    outcomes: z.array(z.enum(logOutcomes)).max(logOutcomes.length).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    /** Case-insensitive, over TaskId, RequestId, error code and message, parameters and response. */
    text: z.string().max(200).optional(),
    /** Exact TaskId: a task's whole history. */
    taskId: z.string().min(1).max(256).optional(),
    /** Exact call id: the API calls one page action made. */
    callId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type LogFilter = z.infer<typeof logFilterSchema>;

export const logRetentionSchema = z
  .object({
    /** Newest files kept (the file being written counts). */
    maxFiles: z.number().int().min(1).max(1000),
    /** Files whose newest line is older than this are deleted. */
    maxAgeDays: z.number().int().min(1).max(3650),
  })
  .strict();
export type LogRetention = z.infer<typeof logRetentionSchema>;

export interface LogSkippedLine {
  file: string;
  line: number;
  reason: 'torn' | 'invalid' | 'orphan-repeat';
}

export interface LogStatus {
  entries: number;
  files: number;
  bytes: number;
  newestSeq: number;
  /** Lines found unreadable at start-up (a torn last line after a crash), skipped, never fatal. */
  skipped: number;
  skippedLines: LogSkippedLine[];
  /** The last write failure, until a later write succeeds. Records are kept in memory meanwhile. */
  writeError: { message: string; at: string } | null;
  /** Lines waiting to be written. */
  pending: number;
  /** True while older files are still being read into the index after start-up. */
  indexing: boolean;
  /** Lines written but not yet fsynced (see the fsync policy in src/main/log/task-log.ts). */
  unsynced: number;
  retention: LogRetention;
}

export interface LogPage {
  rows: LogRow[];
  total: number;
  offset: number;
  newestSeq: number;
  /** False while older files are still being indexed: `total` may grow. */
  complete: boolean;
}

export interface LogFacets {
  sdkAppIds: number[];
  roomIds: string[];
}

/** A file produced in main and handed to the page as text to download. */
export interface LogExport {
  fileName: string;
  mimeType: string;
  text: string;
  count: number;
  /** True when more entries matched than an export holds. */
  truncated: boolean;
}

const noInput = z.object({}).strict();

export const logCalls = {
  query: call(
    () =>
      z
        .object({
          filter: logFilterSchema.default({}),
          offset: z.number().int().min(0).max(10_000_000).default(0),
          limit: z.number().int().min(1).max(500).default(100),
        })
        .strict(),
    returns<LogPage>(),
  ),
  entry: call(() => z.object({ id: z.string().min(1).max(64) }).strict(), returns<LogEntry>()),
  facets: call(noInput, returns<LogFacets>()),
  status: call(noInput, returns<LogStatus>()),
  updateRetention: call(() => logRetentionSchema.partial().strict(), returns<LogStatus>()),
  exportEntries: call(
    () => z.object({ filter: logFilterSchema.default({}), format: z.enum(['csv', 'json']) }).strict(),
    returns<LogExport>(),
  ),
  diagnosticBundle: call(() => z.object({ filter: logFilterSchema.default({}) }).strict(), returns<LogExport>()),
};

export const logEvents = {
  /** Batched (at most every 250 ms): new lines were appended or the log's status changed. */
  'log.appended': returns<{ count: number; newestSeq: number; status: LogStatus }>(),
};
