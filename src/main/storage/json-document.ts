import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type EnvelopeFileOptions, loadEnvelopeFile, readOnlyError, writeEnvelopeFile } from './envelope-file';

export interface JsonDocumentOptions<T> extends EnvelopeFileOptions<T> {
  empty: () => T;
}

/**
 * A small validated JSON document, `{ "version": N, "data": ... }`, written atomically (temp file,
 * fsync, rename: a crash mid-write leaves the previous good file). One writer: writes are queued.
 * A corrupt file is moved aside and reported; a file from a newer version is reported and left
 * untouched, and the document stays read-only so it is never overwritten. Each update validates and
 * rewrites the whole document. Only what lives outside the app's database uses it: the window's
 * size (the shell, before services start).
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
    const loaded = await loadEnvelopeFile(options);
    if (loaded.value !== undefined) document.#value = loaded.value;
    document.#readOnly = loaded.readOnly;
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
      if (this.#readOnly) throw readOnlyError(this.#options.file);
      const next = this.#options.schema.parse(change(this.#value));
      await writeEnvelopeFile(this.path, this.#options.version, next);
      this.#value = next;
      return next;
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
