import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/contract';
import { diskFullError, isBusy, isDiskFull } from '../db/sqlite-errors';

/** The lock file: an empty SQLite file whose exclusive lock is the claim. */
export const lockFileName = 'ingest-desk.lock';

/**
 * One writer per data dir: the Electron app and the browser host may point at the same folder, and
 * two writers would lose each other's changes. The claim is an OS lock (SQLite's exclusive lock on
 * `ingest-desk.lock`), which the OS releases when the process ends however it ends: no PID to go
 * stale or be reused, and unlocking only lets go of this process's own lock (the file stays). The
 * database takes its own exclusive lock too; this one also covers the files beside it (task log,
 * window state) from before the database opens.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lock = new DatabaseSync(join(dataDir, lockFileName));
  try {
    lock.exec('PRAGMA locking_mode = EXCLUSIVE');
    // Held from here until close: in exclusive locking mode the commit does not release it.
    lock.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    lock.close();
    if (isBusy(error)) throw new AppError('CONFLICT', `The data folder ${dataDir} is in use by another running copy of the app.`);
    // Taking the lock writes the lock file's header once: on a full disk that is where a start stops.
    if (isDiskFull(error)) throw diskFullError(dataDir);
    throw error;
  }
  return async () => {
    if (lock.isOpen) lock.close();
  };
}
