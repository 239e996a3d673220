import { closeSync, fdatasync, openSync } from 'node:fs';

/**
 * fdatasyncs the database's WAL in the thread pool right behind each commit, so the main thread
 * never waits for the disk: a commit is acknowledged once SQLite wrote it to the WAL (a process kill
 * cannot undo that) and is on the platter a moment later. Commits made while a sync runs share the
 * next one (group commit). A failed sync is reported once, as a store problem.
 */
export class WalSync {
  readonly #path: string;
  readonly #onFailure: (error: unknown) => void;
  #fd: number | undefined;
  #running: Promise<void> | null = null;
  #pending = false;
  #closed = false;
  #reported = false;

  constructor(path: string, onFailure: (error: unknown) => void) {
    this.#path = path;
    this.#onFailure = onFailure;
  }

  committed(): void {
    if (this.#closed) return;
    this.#pending = true;
    this.#running ??= this.#run();
  }

  idle(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  /** A sync still in the thread pool keeps its descriptor until it ends: never closed under it. */
  close(): void {
    this.#closed = true;
    if (!this.#running) this.#release();
  }

  #release(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  async #run(): Promise<void> {
    // On the next turn: the caller's own work this turn (a Start going out, an answer) goes first.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.#pending && !this.#closed) {
        this.#pending = false;
        this.#fd ??= openSync(this.#path, 'r+');
        const fd = this.#fd;
        await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
      }
    } catch (error) {
      // After close the file is checkpointed and gone: nothing was left to sync.
      if (!this.#closed && !this.#reported) {
        this.#reported = true;
        this.#onFailure(error);
      }
    } finally {
      this.#running = null;
      if (this.#closed) this.#release();
    }
  }
}
