import { spawn } from 'node:child_process';

/**
 * Asks the OS keychain once, in a child process (keytar is N-API: the same build serves Node and
 * Electron), before the app starts: so a missing Secret Service is told in the terminal with the fix,
 * not only on a screen. Resolves null when the keychain answers, else one paragraph to print.
 */
export async function keychainAdvice(command) {
  const problem = await probe();
  if (problem === null) return null;
  return `No usable keychain (${problem}). Accounts, apps and the sandbox sample keep their keys in it, so the app starts without them. Fix: ${fixFor(process.platform, command)}`;
}

function fixFor(platform, command) {
  if (platform === 'darwin') return 'open Keychain Access, unlock the "login" keychain, then run this again.';
  if (platform === 'win32') return 'sign in to Windows with your own account (Credential Manager is per user), then run this again.';
  return [
    'install and unlock a Secret Service: `sudo apt-get install -y gnome-keyring libsecret-1-0 dbus-x11` (GNOME; KWallet on KDE) and unlock it at login.',
    `Headless (SSH, a container), run it inside a keyring session: dbus-run-session -- sh -c 'printf "%s" "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && ${command}'`,
  ].join(' ');
}

function probe() {
  const script = `require('keytar').findCredentials('ingest-desk.probe').then(() => process.exit(0), (error) => { process.stderr.write(String(error && error.message || error)); process.exit(2); });`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // libsecret can wait forever for a locked keyring's prompt: past 8 s it is not usable now.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('the keychain did not answer within 8 s; it may be locked');
    }, 8000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(null);
      else resolve(stderr.trim().split('\n')[0] || `the probe exited with ${code}`);
    });
    child.on('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}
