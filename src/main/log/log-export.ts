import Papa from 'papaparse';
import type { LogEntry, LogExport, LogFilter, LogStatus } from '../../shared/contract/log';
import { redactSecrets } from './redaction';

/** Most entries one CSV/JSON export holds; the page says when a filter matched more. */
export const exportLimit = 100_000;
/** Most entries a diagnostic bundle holds (newest first): enough for a task's history, small enough to attach. */
export const bundleLimit = 5_000;

export const csvColumns = [
  'seq',
  'id',
  'at',
  'action',
  'purpose',
  'outcome',
  'profileName',
  'sandbox',
  'region',
  'sdkAppId',
  'roomId',
  'taskId',
  'requestId',
  'callId',
  'errorCode',
  'errorMessage',
  'latencyMs',
  'repeatCount',
  'lastAt',
  'lastRequestId',
  'appVersion',
  'params',
  'response',
] as const;

interface Selection {
  entries: LogEntry[];
  total: number;
  filter: LogFilter;
  at: Date;
}

/** CSV, one row per entry, parameters and response as JSON cells; formula-like cells are escaped. */
export function exportCsv({ entries, total, at }: Selection): LogExport {
  const rows = entries.map((raw) => {
    const entry = redactSecrets(raw);
    return [
      entry.seq,
      entry.id,
      entry.at,
      entry.action,
      entry.purpose,
      entry.outcome,
      entry.profileName,
      entry.sandbox,
      entry.region,
      entry.sdkAppId ?? '',
      entry.roomId ?? '',
      entry.taskId ?? '',
      entry.requestId ?? '',
      entry.callId ?? '',
      entry.errorCode ?? '',
      entry.errorMessage ?? '',
      entry.latencyMs,
      entry.repeat?.count ?? 1,
      entry.repeat?.lastAt ?? '',
      entry.repeat?.lastRequestId ?? '',
      entry.appVersion,
      JSON.stringify(entry.params),
      entry.response ? JSON.stringify(entry.response) : '',
    ];
  });
  const text = Papa.unparse({ fields: [...csvColumns], data: rows }, { escapeFormulae: true, newline: '\r\n' });
  return { fileName: `task-log-${stamp(at)}.csv`, mimeType: 'text/csv', text, count: entries.length, truncated: total > entries.length };
}

export function exportJson({ entries, total, filter, at }: Selection): LogExport {
  const body = {
    kind: 'ingest-desk-task-log',
    version: 1,
    exportedAt: at.toISOString(),
    filter,
    count: entries.length,
    total,
    entries: entries.map((entry) => redactSecrets(entry)),
  };
  return {
    fileName: `task-log-${stamp(at)}.json`,
    mimeType: 'application/json',
    text: `${JSON.stringify(body, null, 2)}\n`,
    count: entries.length,
    truncated: total > entries.length,
  };
}

export interface BundleEnvironment {
  appName: string;
  appVersion: string;
  os: { platform: string; release: string; arch: string };
  versions: Record<string, string>;
}

/** What a support ticket needs: versions, OS, the redacted log slice and (for one task) the app's view of it. */
export function exportDiagnosticBundle(
  selection: Selection & { environment: BundleEnvironment; status: LogStatus; task: { taskId: string; state: unknown } | null },
): LogExport {
  const { entries, total, filter, at, environment, status, task } = selection;
  const body = redactSecrets({
    kind: 'ingest-desk-diagnostic-bundle',
    version: 1,
    createdAt: at.toISOString(),
    app: { name: environment.appName, version: environment.appVersion },
    os: environment.os,
    versions: environment.versions,
    filter,
    task,
    log: {
      entriesInLog: status.entries,
      skippedLines: status.skipped,
      writeError: status.writeError,
      count: entries.length,
      total,
      entries,
    },
  });
  const subject = filter.taskId ? `task-${filter.taskId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40)}` : 'log';
  return {
    fileName: `diagnostic-${subject}-${stamp(at)}.json`,
    mimeType: 'application/json',
    text: `${JSON.stringify(body, null, 2)}\n`,
    count: entries.length,
    truncated: total > entries.length,
  };
}

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}
