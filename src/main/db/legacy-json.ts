import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordsSpec } from '../storage/record-store';
import type { DocumentSpec } from '../storage/stored-document';

/**
 * Readers of the JSON files the app kept before the database (`{ "version": N, "data": ... }`
 * documents, and record snapshots with a `<file>.journal` of `{"put":record}` / `{"remove":id}`
 * lines after a header line), for the one-time import only: nothing writes these files any more.
 */
export type LegacyRead<T> = { kind: 'none' } | { kind: 'read'; value: T; detail: string } | { kind: 'unreadable'; reason: string };

export function readLegacyDocument<T>(dataDir: string, spec: DocumentSpec<T>): LegacyRead<T> {
  const envelope = readEnvelope(join(dataDir, spec.file), spec.version);
  if (envelope.kind !== 'read') return envelope;
  const data = envelope.version < spec.version && spec.migrate ? spec.migrate(envelope.data, envelope.version) : envelope.data;
  const parsed = spec.schema.safeParse(data);
  if (!parsed.success) return { kind: 'unreadable', reason: `${spec.file}: ${parsed.error.issues[0]?.message ?? 'invalid content'}` };
  return { kind: 'read', value: parsed.data, detail: `${spec.file} version ${envelope.version}` };
}

/** The records of a snapshot with its journal replayed over it, in the order they were first added. */
export function readLegacyRecords<R extends { id: string }>(dataDir: string, spec: RecordsSpec<R>): LegacyRead<R[]> {
  const records = new Map<string, R>();
  const upgrade = (data: unknown, version: number): unknown =>
    version < spec.version && spec.migrate ? spec.migrate(data, version) : data;
  const snapshot = readEnvelope(join(dataDir, spec.file), spec.version);
  if (snapshot.kind === 'unreadable') return snapshot;
  if (snapshot.kind === 'read') {
    const listed = (upgrade(snapshot.data, snapshot.version) as Record<string, unknown> | null)?.[spec.key];
    if (!Array.isArray(listed)) return { kind: 'unreadable', reason: `${spec.file}: no "${spec.key}" list` };
    for (const raw of listed) {
      const parsed = spec.recordSchema.safeParse(raw);
      if (!parsed.success) return { kind: 'unreadable', reason: `${spec.file}: ${parsed.error.issues[0]?.message ?? 'invalid record'}` };
      records.set(parsed.data.id, parsed.data);
    }
  }
  const journalFile = join(dataDir, `${spec.file}.journal`);
  let replayed = 0;
  if (existsSync(journalFile)) {
    // The text after the last newline is an append a crash cut short: never acknowledged, dropped.
    const [header, ...lines] = readFileSync(journalFile, 'utf8').split('\n').slice(0, -1);
    const version = header === undefined ? undefined : headerVersion(header);
    if (header !== undefined && version === undefined) return { kind: 'unreadable', reason: `${spec.file}.journal: no valid header line` };
    if (version !== undefined && version > spec.version) {
      return { kind: 'unreadable', reason: `${spec.file}.journal: version ${version} is newer than ${spec.version}` };
    }
    for (const line of lines) {
      const change = parseChange(line);
      // A complete line that does not parse was corruption: the lines before it are kept, as before.
      if (change === null) break;
      if ('remove' in change) records.delete(change.remove);
      else {
        const upgraded = (upgrade({ [spec.key]: [change.put] }, version ?? spec.version) as Record<string, unknown[]>)[spec.key]?.[0];
        const parsed = spec.recordSchema.safeParse(upgraded);
        if (!parsed.success) break;
        records.set(parsed.data.id, parsed.data);
      }
      replayed++;
    }
  }
  if (snapshot.kind === 'none' && !existsSync(journalFile)) return { kind: 'none' };
  return {
    kind: 'read',
    value: [...records.values()],
    detail: `${spec.file}: ${records.size} records, ${replayed} journal lines replayed`,
  };
}

type Envelope = { kind: 'none' } | { kind: 'read'; version: number; data: unknown } | { kind: 'unreadable'; reason: string };

function readEnvelope(path: string, supported: number): Envelope {
  if (!existsSync(path)) return { kind: 'none' };
  try {
    const raw = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; data?: unknown } | null;
    const version = raw?.version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new Error('missing or invalid "version"');
    if (version > supported) return { kind: 'unreadable', reason: `version ${version} is newer than ${supported}` };
    return { kind: 'read', version, data: raw?.data };
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message };
  }
}

function headerVersion(line: string): number | undefined {
  try {
    const raw = JSON.parse(line) as { journal?: unknown; version?: unknown };
    return typeof raw.journal === 'string' && typeof raw.version === 'number' && Number.isInteger(raw.version) ? raw.version : undefined;
  } catch {
    return undefined;
  }
}

function parseChange(line: string): { put: unknown } | { remove: string } | null {
  try {
    const raw = JSON.parse(line) as { put?: unknown; remove?: unknown } | null;
    if (typeof raw?.remove === 'string') return { remove: raw.remove };
    return raw?.put === undefined ? null : { put: raw.put };
  } catch {
    return null;
  }
}
