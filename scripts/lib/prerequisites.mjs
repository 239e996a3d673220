import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** What the test run needs from the OS, and the Debian package that provides each. */
const needs = [
  { what: 'Chromium', package: 'chromium', ok: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  { what: 'libsecret (keytar)', package: 'libsecret-1-dev', ok: () => hasLibrary('libsecret-1.so.0') },
  { what: 'gnome-keyring', package: 'gnome-keyring', ok: () => onPath('gnome-keyring-daemon') },
  { what: 'D-Bus session tools', package: 'dbus dbus-x11', ok: () => onPath('dbus-run-session') },
  { what: 'ffmpeg (test media)', package: 'ffmpeg', ok: () => onPath('ffmpeg') },
];

export function missingPackages() {
  return needs.filter((need) => !need.ok());
}

function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function hasLibrary(name) {
  try {
    return execFileSync('ldconfig', ['-p'], { encoding: 'utf8' }).includes(name);
  } catch {
    return ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib'].some((dir) => existsSync(`${dir}/${name}`));
  }
}
