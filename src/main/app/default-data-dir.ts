import { homedir } from 'node:os';
import { join } from 'node:path';
import { appIdentity } from './app-identity';

/** The folder Electron's app.getPath('userData') uses, so the desktop app and the browser host share data. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appIdentity.name);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appIdentity.name);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appIdentity.name);
}
