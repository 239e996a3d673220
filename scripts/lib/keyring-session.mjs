import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run.mjs';

/**
 * Runs the calling script again inside a private D-Bus session with an unlocked gnome-keyring in a
 * throwaway HOME (the real keychain, never the user's). Returns only inside that session; the outer
 * process exits with the inner one's code.
 */
export async function ensureKeyringSession() {
  if (process.env.INGEST_DESK_KEYRING_SESSION !== '1') {
    const home = mkdtempSync(join(tmpdir(), 'ingest-desk-session-home-'));
    const code = await run('dbus-run-session', ['--', process.execPath, ...process.argv.slice(1)], {
      env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, '.local/share'), INGEST_DESK_KEYRING_SESSION: '1' },
    });
    rmSync(home, { recursive: true, force: true });
    process.exit(code);
  }
  const password = randomBytes(12).toString('hex');
  const daemon = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets'], { stdio: ['pipe', 'pipe', 'inherit'] });
  daemon.stdin.end(password);
  let output = '';
  daemon.stdout.on('data', (chunk) => {
    output += chunk;
  });
  await new Promise((resolve) => daemon.on('exit', resolve));
  for (const line of output.split('\n')) {
    const [key, value] = line.split('=');
    if (key && value) process.env[key] = value;
  }
}
