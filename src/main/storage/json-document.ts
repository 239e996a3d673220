import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';
import { AppError } from '../../shared/contract';
import type { Clock } from '../app/clock';
import type { StoreProblems } from './store-problems';

export interface JsonDocumentOptions<T> {
  dataDir: string;
  /** File name inside the data dir, e.g. "presets.json". */
  file: string;
  version: number;
  schema: z.ZodType<T>;
  empty: () => T;
  clock: Clock;
  problems: StoreProblems;
  /** Upgrades a document written by an older version; returns the data part. */
  migrate?: (data: unknown, fromVersion: number) => unknown;
}

interface Envelope {
  version: number;
  data: unknown;
}

/**
 * A small validated JSON document, `{ "version": N, "data": ... }`, written atomically (temp file,
 * fsync, rename: a crash mid-write leaves the previous good file). One writer: writes are queued.
 * A corrupt file is moved aside and reported; a file from a newer version is reported and left
 * untouched, and the document stays read-only so it is never overwritten.
 */
export class JsonDocument<T> {
  readonly #options: JsonDocumentOptions<T>;
  #value: T;
  #readOnly = false;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(options: JsonDocumentOptions<T>) {
    this.#options = options;
    this.#value = options.empty();
  }

  static async open<T>(options: JsonDocumentOptions<T>): Promise<JsonDocument<T>> {
    const document = new JsonDocument(options);
    await mkdir(options.dataDir, { recursive: true });
    await document.#load();
    return document;
  }

  get path(): string {
    return join(this.#options.dataDir, this.#options.file);
  }

  get value(): T {
    return this.#value;
  }

  get readOnly(): boolean {
    return this.#readOnly;
  }

  /** Applies `change` to the current value and persists it; resolves once the file is on disk. */
  update(change: (current: T) => T): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.#readOnly) {
        throw new AppError('STORE_UNAVAILABLE', `${this.#options.file} was written by a newer version of the app; it is kept read-only.`, {
          store: this.#options.file,
        });
      }
      const next = this.#options.schema.parse(change(this.#value));
      const body: Envelope = { version: this.#options.version, data: next };
      await writeFileAtomic(this.path, `${JSON.stringify(body, null, 2)}\n`, { fsync: true });
      this.#value = next;
      return next;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const { version, schema, migrate } = this.#options;
    let envelope: Envelope;
    try {
      envelope = parseEnvelope(text);
    } catch (error) {
      await this.#keepAside('corrupt', (error as Error).message);
      return;
    }
    if (envelope.version > version) {
      this.#readOnly = true;
      this.#report('newer-version', this.#options.file, `version ${envelope.version} is newer than ${version}`);
      return;
    }
    const data = envelope.version < version && migrate ? migrate(envelope.data, envelope.version) : envelope.data;
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      await this.#keepAside('corrupt', parsed.error.issues[0]?.message ?? 'invalid content');
      return;
    }
    this.#value = parsed.data;
  }

  async #keepAside(kind: 'corrupt', message: string): Promise<void> {
    const stamp = new Date(this.#options.clock.now()).toISOString().replace(/[:.]/g, '-');
    const keptAs = `${this.#options.file}.${kind}-${stamp}`;
    await rename(this.path, join(this.#options.dataDir, keptAs));
    this.#report(kind, keptAs, message);
  }

  #report(kind: 'corrupt' | 'newer-version', keptAs: string, message: string): void {
    this.#options.problems.report({
      store: this.#options.file,
      kind,
      keptAs,
      message,
      at: new Date(this.#options.clock.now()).toISOString(),
    });
  }
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
