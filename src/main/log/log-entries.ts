import { randomBytes } from 'node:crypto';
import type { LogEntry } from '../../shared/contract/log';
import type { ApiCallRecord } from '../trtc/api-call-record';
import type { CallLine, RepeatLine } from './log-line';

/** From a TRTC client's record to the log's entry and lines (before redaction). */
export function entryOf(record: ApiCallRecord, id: string, seq: number, callId?: string): LogEntry {
  const entry: LogEntry = {
    id,
    seq,
    at: record.at,
    action: record.action,
    purpose: record.purpose,
    profileId: record.profileId,
    profileName: record.profileName,
    sandbox: record.sandbox,
    region: record.region,
    params: record.params,
    outcome: record.outcome,
    latencyMs: record.latencyMs,
    appVersion: record.appVersion,
  };
  // Optional fields only when present, so lines stay short.
  if (record.sdkAppId !== undefined) entry.sdkAppId = record.sdkAppId;
  if (record.roomId !== undefined) entry.roomId = record.roomId;
  if (record.taskId !== undefined) entry.taskId = record.taskId;
  if (record.requestId !== undefined) entry.requestId = record.requestId;
  if (record.errorCode !== undefined) entry.errorCode = record.errorCode;
  if (record.errorMessage !== undefined) entry.errorMessage = record.errorMessage;
  if (record.response !== undefined) entry.response = record.response;
  if (record.show !== undefined) entry.show = record.show;
  if (callId !== undefined) entry.callId = callId;
  return entry;
}

/** 16 random bytes would be a UUID; 9 (12 characters) are plenty next to the sequence number and keep lines short. */
export function newEntryId(): string {
  return randomBytes(9).toString('base64url');
}

export function callLine(entry: LogEntry): CallLine {
  return { v: 1, type: 'call', ...entry };
}

export function repeatLine(entry: LogEntry, of: string): RepeatLine {
  const line: RepeatLine = { v: 1, type: 'repeat', of, seq: entry.seq, at: entry.at, latencyMs: entry.latencyMs };
  if (entry.requestId !== undefined) line.requestId = entry.requestId;
  return line;
}

/** What must be equal for two Describes of one task to fold: everything but time, RequestId and latency. */
export function fingerprintOf(entry: LogEntry): string {
  // A page's Describe never folds into the polls' row, so its call id stays on a row of its own.
  return JSON.stringify([
    entry.callId ?? null,
    entry.profileId,
    entry.sdkAppId,
    entry.purpose,
    entry.outcome,
    entry.errorCode,
    entry.errorMessage,
    entry.params,
    entry.response,
  ]);
}
