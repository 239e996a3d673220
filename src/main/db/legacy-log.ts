import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryOfLine, parseLogLine } from '../log/log-line';
import { foldRepeat, insertEntry } from '../log/log-table';
import { redactSecrets } from '../log/redaction';
import type { AppDatabase } from './database';

/** The folder the task log's files were in, and the `kept_aside` store of the lines its import could not read. */
export const legacyLogDir = 'log';
export const legacyLogStore = 'task log';

const segmentFile = /^task-log-(\d{6})\.jsonl$/;

/** The log's files an earlier version wrote (`log/task-log-NNNNNN.jsonl`), oldest first, with their numbers. */
export function legacyLogFiles(dataDir: string): { file: string; segment: number }[] {
  const dir = join(dataDir, legacyLogDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((file) => ({ file, match: segmentFile.exec(file) }))
    .filter((found) => found.match !== null)
    .map(({ file, match }) => ({ file, segment: Number(match?.[1]) }))
    .sort((a, b) => a.segment - b.segment);
}

/**
 * Imports one of the log's JSON-lines files into `log_entries` (inside the caller's transaction): a
 * call line is a row of the segment the file's number names, a repeat line folds into its call (as
 * the reader folded it); a line that cannot be used (a torn last line after a crash, an invalid line,
 * a repeat whose call is not in the file) is kept in `kept_aside`, never dropped. Entries are redacted
 * again on the way in (they were when written; a later rule may know more).
 */
export function importLegacyLogFile(db: AppDatabase, file: string, segment: number): string {
  const text = readFileSync(join(db.dataDir, legacyLogDir, file), 'utf8');
  const lines = text.split('\n');
  const complete = text.endsWith('\n') ? lines.length - 1 : lines.length;
  const seqOfId = new Map<string, number>();
  let calls = 0;
  let repeats = 0;
  let skipped = 0;
  const keep = (lineNumber: number, line: string, reason: string) => {
    skipped++;
    db.statement('INSERT INTO kept_aside (store, id, data, reason, at) VALUES (?, ?, ?, ?, ?)').run(
      legacyLogStore,
      `${file}:${lineNumber}`,
      line,
      reason,
      new Date(db.clock.now()).toISOString(),
    );
  };
  for (let index = 0; index < complete; index++) {
    const raw = lines[index] as string;
    if (raw === '') continue;
    const line = parseLogLine(raw);
    if (line === null) {
      keep(index + 1, raw, index === lines.length - 1 ? 'torn' : 'invalid');
      continue;
    }
    if (line.type === 'call') {
      // A seq or id already in the table (a file copied twice) is kept aside rather than lost.
      const exists = db.statement('SELECT 1 AS found FROM log_entries WHERE seq = ? OR id = ?').get(line.seq, line.id);
      if (exists) {
        keep(index + 1, raw, 'invalid');
        continue;
      }
      insertEntry(db, redactSecrets(entryOfLine(line)), segment);
      seqOfId.set(line.id, line.seq);
      calls++;
      continue;
    }
    const headSeq = seqOfId.get(line.of);
    const { seq, at, latencyMs, requestId } = line;
    if (headSeq === undefined || !foldRepeat(db, headSeq, { seq, at, latencyMs, ...(requestId !== undefined ? { requestId } : {}) })) {
      keep(index + 1, raw, 'orphan-repeat');
      continue;
    }
    repeats++;
  }
  return `${file}: ${calls} calls, ${repeats} folded repeats, ${skipped} lines kept aside`;
}
