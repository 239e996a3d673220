import { spawn } from 'node:child_process';

/**
 * Runs a command with inherited output; resolves its exit code. SIGINT and SIGTERM sent to this script
 * are passed on, so stopping `npm run serve` stops the host it started instead of orphaning it.
 */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on('error', () => resolve(127));
  });
}
