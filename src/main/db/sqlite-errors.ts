import { AppError } from '../../shared/contract';

const SQLITE_BUSY = 5;
const SQLITE_FULL = 13;

/** The primary result code of an error node:sqlite threw (extended codes keep it in the low byte). */
export function sqliteCode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : undefined;
}

export function isDiskFull(error: unknown): boolean {
  return sqliteCode(error) === SQLITE_FULL || (error as NodeJS.ErrnoException | null)?.code === 'ENOSPC';
}

export function isBusy(error: unknown): boolean {
  return sqliteCode(error) === SQLITE_BUSY;
}

export function diskFullError(dataDir: string): AppError {
  return new AppError('DISK_FULL', `The disk holding ${dataDir} is full: nothing was saved. Free some space, then try again.`, {
    dataDir,
  });
}

/** A failed write as the page should see it: a full disk is DISK_FULL, an AppError stays, anything else is rethrown as is. */
export function writeFailure(error: unknown, dataDir: string): unknown {
  return isDiskFull(error) ? diskFullError(dataDir) : error;
}
