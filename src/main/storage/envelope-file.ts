import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { AppError } from '../../shared/contract';
import type { StoreProblem } from '../../shared/contract/system';
import type { Clock } from '../app/clock';
import type { StoreProblems } from './store-problems';

/** Where a versioned file lives and how its content is checked (JsonDocument's files). */
export interface EnvelopeFileOptions<T> {
  dataDir: string;
  /** File name inside the data dir, e.g. "presets.json". */
  file: string;
  version: number;
  schema: z.ZodType<T>;
  clock: Clock;
  problems: StoreProblems;
  /** Upgrades a document written by an older version; returns the data part. */
  migrate?: (data: unknown, fromVersion: number) => unknown;
}

interface Envelope {
  version: number;
  data: unknown;
}

/** What was found on disk: the data (undefined for no file or a file kept aside), and whether it must never be overwritten. */
export interface LoadedEnvelope<T> {
  value: T | undefined;
  readOnly: boolean;
}

/**
 * Reads `{ "version": N, "data": ... }`. A corrupt file is moved aside and reported; a file from a
 * newer version is reported and left untouched (read-only, so it is never overwritten).
 */
export async function loadEnvelopeFile<T>(options: EnvelopeFileOptions<T>): Promise<LoadedEnvelope<T>> {
  let text: string;
  try {
    text = await readFile(join(options.dataDir, options.file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { value: undefined, readOnly: false };
    throw error;
  }
  let envelope: Envelope;
  try {
    envelope = parseEnvelope(text);
  } catch (error) {
    await keepAside(options, options.file, (error as Error).message);
    return { value: undefined, readOnly: false };
  }
  if (envelope.version > options.version) {
    reportProblem(options, 'newer-version', options.file, `version ${envelope.version} is newer than ${options.version}`);
    return { value: undefined, readOnly: true };
  }
  const data = envelope.version < options.version && options.migrate ? options.migrate(envelope.data, envelope.version) : envelope.data;
  const parsed = options.schema.safeParse(data);
  if (!parsed.success) {
    await keepAside(options, options.file, parsed.error.issues[0]?.message ?? 'invalid content');
    return { value: undefined, readOnly: false };
  }
  return { value: parsed.data, readOnly: false };
}

/** Temp file, fsync, rename: a crash mid-write leaves the previous good file. */
export function writeEnvelopeFile(path: string, version: number, data: unknown): Promise<void> {
  const body: Envelope = { version, data };
  return writeFileAtomic(path, `${JSON.stringify(body, null, 2)}\n`, { fsync: true });
}

type ProblemOptions = Pick<EnvelopeFileOptions<unknown>, 'dataDir' | 'file' | 'clock' | 'problems'>;

/** Moves an unreadable `name` (the document or one of its files) aside and reports it under the document's name. */
export async function keepAside(options: ProblemOptions, name: string, message: string): Promise<void> {
  const stamp = new Date(options.clock.now()).toISOString().replace(/[:.]/g, '-');
  const keptAs = `${name}.corrupt-${stamp}`;
  await rename(join(options.dataDir, name), join(options.dataDir, keptAs));
  reportProblem(options, 'corrupt', keptAs, message);
}

/** Reports a problem with `name` (the document or one of its files) under the document's name, now. */
export function reportProblem(options: ProblemOptions, kind: StoreProblem['kind'], name: string, message: string): void {
  options.problems.report({ store: options.file, kind, keptAs: name, message, at: new Date(options.clock.now()).toISOString() });
}

/** What a write to a store opened read-only (written by a newer version) fails with. */
export function readOnlyError(file: string): AppError {
  return new AppError('STORE_UNAVAILABLE', `${file} was written by a newer version of the app; it is kept read-only.`, { store: file });
}

function parseEnvelope(text: string): Envelope {
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not a JSON object');
  const { version, data } = raw as Record<string, unknown>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new Error('missing or invalid "version"');
  }
  return { version, data };
}
