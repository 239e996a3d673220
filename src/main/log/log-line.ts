import { type LogEntry, logActions, logOutcomes } from '../../shared/contract/log';

/**
 * One line of a log file (JSON Lines, UTF-8, "\n" after every line). Format version 1:
 *
 *   {"v":1,"type":"call","id":"…","seq":12,"at":"2026-…Z","action":"StartStreamIngest", …the ApiCallRecord fields…}
 *   {"v":1,"type":"repeat","of":"<id of a call line>","seq":13,"at":"…","requestId":"…","latencyMs":41}
 *
 * A "repeat" line says: one more DescribeStreamIngest for the same task answered exactly what the
 * call line `of` answered. The reader folds it into that row (count, last time, last RequestId), so
 * the table stays readable while every call (and its RequestId) is still on disk.
 */
export const lineFormatVersion = 1;

export type CallLine = Omit<LogEntry, 'repeat'> & { v: 1; type: 'call' };

export interface RepeatLine {
  v: 1;
  type: 'repeat';
  of: string;
  seq: number;
  at: string;
  requestId?: string;
  latencyMs: number;
}

export type LogLine = CallLine | RepeatLine;

const actions = new Set<string>(logActions);
const outcomes = new Set<string>(logOutcomes);

/** Parses and checks one line; a hand-written check because it runs 100,000 times at start-up. */
export function parseLogLine(text: string): LogLine | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const line = raw as Record<string, unknown>;
  if (line.v !== lineFormatVersion || typeof line.seq !== 'number' || typeof line.at !== 'string') return null;
  if (line.type === 'repeat') {
    return typeof line.of === 'string' && typeof line.latencyMs === 'number' && optionalString(line.requestId)
      ? (line as unknown as RepeatLine)
      : null;
  }
  if (line.type !== 'call') return null;
  const valid =
    typeof line.id === 'string' &&
    typeof line.action === 'string' &&
    actions.has(line.action) &&
    typeof line.outcome === 'string' &&
    outcomes.has(line.outcome) &&
    typeof line.purpose === 'string' &&
    typeof line.profileId === 'string' &&
    typeof line.profileName === 'string' &&
    typeof line.sandbox === 'boolean' &&
    typeof line.region === 'string' &&
    typeof line.latencyMs === 'number' &&
    typeof line.appVersion === 'string' &&
    typeof line.params === 'object' &&
    line.params !== null &&
    (line.sdkAppId === undefined || typeof line.sdkAppId === 'number') &&
    optionalString(line.roomId) &&
    optionalString(line.taskId) &&
    optionalString(line.requestId) &&
    optionalString(line.errorCode) &&
    optionalString(line.errorMessage) &&
    (line.response === undefined || (typeof line.response === 'object' && line.response !== null));
  return valid ? (line as unknown as CallLine) : null;
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** The entry a call line stands for (without the line's framing fields). */
export function entryOfLine(line: CallLine): LogEntry {
  const { v: _v, type: _type, ...entry } = line;
  return entry;
}
