import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from 'vitest';
import { entryOf } from '../src/main/log/log-entries';
import { redactSecrets } from '../src/main/log/redaction';
import type { LogEntry, LogFilter } from '../src/shared/contract/log';
import { type Figure, report, summarise } from './report';
import { base, recordFor } from './support/log-records';

/**
 * The design the task log moves to (issue 18's next step), measured before it is wired in: the
 * entries in the app's SQLite database as JSON beside indexed filter columns, text search by an FTS5
 * trigram index, retention as a DELETE, export as a statement iterated row by row. Same entries and
 * filters as task-log.bench.ts (today's segmented files), so the figures sit side by side.
 * INGEST_DESK_LOG_ENTRIES=1000000 for a million (about 4 minutes here).
 */
const entries = Number(process.env.INGEST_DESK_LOG_ENTRIES ?? 100_000);

const schema = `
  CREATE TABLE log_entries (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at_ms INTEGER NOT NULL,
    last_at_ms INTEGER NOT NULL,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL,
    sdk_app_id INTEGER,
    room_id TEXT,
    task_id TEXT,
    bytes INTEGER NOT NULL,
    entry TEXT NOT NULL
  ) STRICT;
  CREATE INDEX log_by_app ON log_entries (sdk_app_id);
  CREATE INDEX log_by_room ON log_entries (room_id);
  CREATE INDEX log_by_task ON log_entries (task_id);
  CREATE INDEX log_by_time ON log_entries (at_ms);
  CREATE VIRTUAL TABLE log_search USING fts5 (text, tokenize = 'trigram');`;

function open(file: string): DatabaseSync {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL');
  return db;
}

/** What the text filter searches today: TaskId, RequestId, error, parameters and response. */
function searchText(entry: LogEntry): string {
  const parts = [entry.taskId, entry.requestId, entry.errorCode, entry.errorMessage, JSON.stringify(entry.params)];
  if (entry.response) parts.push(JSON.stringify(entry.response));
  return parts.filter((part) => part !== undefined).join('\n');
}

function where(filter: LogFilter): { sql: string; values: (string | number)[] } {
  const clauses: string[] = [];
  const values: (string | number)[] = [];
  const add = (clause: string, ...more: (string | number)[]) => {
    clauses.push(clause);
    values.push(...more);
  };
  const list = (items: readonly string[]) => items.map(() => '?').join(', ');
  if (filter.sdkAppId !== undefined) add('sdk_app_id = ?', filter.sdkAppId);
  if (filter.roomId !== undefined) add('room_id = ?', filter.roomId);
  if (filter.taskId !== undefined) add('task_id = ?', filter.taskId);
  if (filter.actions?.length) add(`action IN (${list(filter.actions)})`, ...filter.actions);
  if (filter.outcomes?.length) add(`outcome IN (${list(filter.outcomes)})`, ...filter.outcomes);
  // A folded row spans its first and last call: it matches a range it overlaps.
  if (filter.from !== undefined) add('last_at_ms >= ?', Date.parse(filter.from));
  if (filter.to !== undefined) add('at_ms <= ?', Date.parse(filter.to));
  const text = filter.text?.trim();
  if (text) {
    // Three characters or more use the trigram index; shorter ones scan (both case-insensitive).
    if ([...text].length >= 3) add('seq IN (SELECT rowid FROM log_search WHERE log_search MATCH ?)', `"${text.replaceAll('"', '""')}"`);
    else add('seq IN (SELECT rowid FROM log_search WHERE instr(lower(text), lower(?)) > 0)', text);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', values };
}

function query(db: DatabaseSync, filter: LogFilter, offset: number, limit: number): { total: number; rows: unknown[] } {
  const { sql, values } = where(filter);
  const total = (db.prepare(`SELECT count(*) AS n FROM log_entries ${sql}`).get(...values) as { n: number }).n;
  const rows = db.prepare(`SELECT entry FROM log_entries ${sql} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...values, limit, offset);
  return { total, rows: rows.map((row) => JSON.parse((row as { entry: string }).entry)) };
}

test(`task log in SQLite with ${entries.toLocaleString('en')} entries: append, open, filter, search, export, retention`, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'log-db-bench-'));
  const file = join(dir, 'ingest-desk.db');
  const figures: Figure[] = [];
  try {
    let db = open(file);
    db.exec(schema);
    const insert = db.prepare(
      'INSERT INTO log_entries (seq, id, at_ms, last_at_ms, action, outcome, sdk_app_id, room_id, task_id, bytes, entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertText = db.prepare('INSERT INTO log_search (rowid, text) VALUES (?, ?)');
    const append = (seq: number) => {
      const entry = redactSecrets(entryOf(recordFor(seq - 1), `e${seq.toString(36)}`, seq));
      const json = JSON.stringify(entry);
      const at = Date.parse(entry.at);
      insert.run(
        seq,
        entry.id,
        at,
        at,
        entry.action,
        entry.outcome,
        entry.sdkAppId ?? null,
        entry.roomId ?? null,
        entry.taskId ?? null,
        json.length,
        json,
      );
      insertText.run(seq, searchText(entry));
    };
    // The log commits what a turn of the event loop recorded: batches of 100 here (a busy batch launch).
    const writeStart = performance.now();
    for (let seq = 1; seq <= entries; seq += 100) {
      db.exec('BEGIN IMMEDIATE');
      for (let n = seq; n < seq + 100 && n <= entries; n++) append(n);
      db.exec('COMMIT');
    }
    const writeAll = performance.now() - writeStart;
    // One entry, one commit (fsync'd): a lone Start or Stop.
    const single: number[] = [];
    for (let n = 0; n < 200; n++) {
      const seq = entries + 1 + n;
      const start = performance.now();
      db.exec('BEGIN IMMEDIATE');
      append(seq);
      db.exec('COMMIT');
      single.push(performance.now() - start);
    }
    db.exec(`BEGIN IMMEDIATE; DELETE FROM log_entries WHERE seq > ${entries}; DELETE FROM log_search WHERE rowid > ${entries}; COMMIT`);
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    figures.push(summarise('append one entry and commit (fsync)', 'ms', single, '<= 1 ms'));
    figures.push(summarise(`append ${entries.toLocaleString('en')} in commits of 100`, 'ms', [writeAll]));
    db.close();
    const size = (await stat(file)).size / 2 ** 20;

    const openSamples: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      db = open(file);
      const page = query(db, {}, 0, 100);
      openSamples.push(performance.now() - start);
      expect(page.rows).toHaveLength(100);
      if (run < 4) db.close();
    }
    figures.push(summarise(`open + first page of 100 newest (${size.toFixed(1)} MiB file)`, 'ms', openSamples, '<= 300 ms'));

    const filters: [string, LogFilter][] = [
      ['filter: none (first page)', {}],
      ['filter: app', { sdkAppId: 1400000003 }],
      ['filter: room', { roomId: '1042' }],
      ['filter: action + outcome', { actions: ['StartStreamIngest', 'StopStreamIngest'], outcomes: ['api-error', 'unknown'] }],
      ['filter: time range', { from: new Date(base + 20_000 * 15_000).toISOString(), to: new Date(base + 30_000 * 15_000).toISOString() }],
      ['search: text (RequestId)', { text: '8f6a-00000000c350' }],
      ['search: text (no match)', { text: 'nothing-like-this' }],
      ['search: text, every RequestId matches', { text: '9a7e-4d5b-8f6a' }],
      ['search: two characters (scan)', { text: 'zq' }],
      [
        'filter: task history',
        { taskId: `-ClPVPRhtpDqbuFpxcnpp1VcMUbaCv-7y9DhFKmqEMi_yWkMvhh0ZjLDtAFUtPOgLhpE4V52Q2Pki${(77).toString(36).padStart(6, '0')}` },
      ],
      [
        'filter: everything at once',
        { sdkAppId: 1400000001, roomId: '1001', actions: ['DescribeStreamIngest'], outcomes: ['ok'], text: '8f6a-0000' },
      ],
    ];
    for (const [name, filter] of filters) {
      const samples: number[] = [];
      let total = 0;
      for (let run = 0; run < 15; run++) {
        const start = performance.now();
        total = query(db, filter, 0, 100).total;
        samples.push(performance.now() - start);
      }
      figures.push(summarise(`${name} (${total} match)`, 'ms', samples, '<= 150 ms'));
    }
    const entrySamples: number[] = [];
    const byId = db.prepare('SELECT entry FROM log_entries WHERE id = ?');
    for (let n = 0; n < 20; n++) {
      const start = performance.now();
      expect(byId.get(`e${(entries - n).toString(36)}`)).toBeTruthy();
      entrySamples.push(performance.now() - start);
    }
    figures.push(summarise('one entry with its parameters (by id)', 'ms', entrySamples));
    const exportStart = performance.now();
    let exported = 0;
    for (const row of db.prepare('SELECT entry FROM log_entries ORDER BY seq DESC').iterate()) {
      JSON.parse((row as { entry: string }).entry);
      exported++;
    }
    expect(exported).toBe(entries);
    figures.push(
      summarise(`export: every entry read back in full, row by row (${entries.toLocaleString('en')})`, 'ms', [
        performance.now() - exportStart,
      ]),
    );
    const pruneStart = performance.now();
    const cut = Math.floor(entries / 10);
    db.exec(`BEGIN IMMEDIATE; DELETE FROM log_entries WHERE seq <= ${cut}; DELETE FROM log_search WHERE rowid <= ${cut}; COMMIT`);
    figures.push(summarise('retention: DELETE the oldest 10%', 'ms', [performance.now() - pruneStart]));
    db.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  report(`log-in-database-${entries}`, figures);
});
