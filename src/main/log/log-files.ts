import { type FileHandle, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Log files are `task-log-000001.jsonl`, `task-log-000002.jsonl`, …: the number orders them. */
const namePattern = /^task-log-(\d{6,})\.jsonl$/;

export function logFileName(number: number): string {
  return `task-log-${String(number).padStart(6, '0')}.jsonl`;
}

export function logFileNumber(name: string): number | undefined {
  const match = namePattern.exec(name);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** The log files in `dir`, oldest first. */
export async function listLogFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((name) => logFileNumber(name) !== undefined).sort((a, b) => (logFileNumber(a) ?? 0) - (logFileNumber(b) ?? 0));
}

/**
 * Appends to one file at a time. `write` may be called again only after the previous one settled
 * (the log's queue does that). A file that does not end with "\n" (a torn last line after a crash)
 * gets one first, so the next line starts clean and the torn one stays skippable.
 */
export class FileAppender {
  readonly #dir: string;
  #file: string | undefined;
  #handle: FileHandle | undefined;
  #needsNewline = false;

  constructor(dir: string) {
    this.#dir = dir;
  }

  get file(): string | undefined {
    return this.#file;
  }

  async write(file: string, text: string): Promise<void> {
    if (this.#file !== file || !this.#handle) await this.#switchTo(file);
    const handle = this.#handle as FileHandle;
    const body = this.#needsNewline ? `\n${text}` : text;
    await handle.appendFile(body, 'utf8');
    this.#needsNewline = false;
  }

  async sync(): Promise<void> {
    await this.#handle?.sync();
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    this.#file = undefined;
    if (!handle) return;
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async #switchTo(file: string): Promise<void> {
    await this.close();
    const handle = await open(join(this.#dir, file), 'a+');
    const { size } = await handle.stat();
    let needsNewline = false;
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      needsNewline = last[0] !== 0x0a;
    }
    this.#handle = handle;
    this.#file = file;
    this.#needsNewline = needsNewline;
  }
}
