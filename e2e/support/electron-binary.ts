import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Mirrors scripts/lib/electron-binary.mjs: find an installed Electron without require('electron'). */
export function findElectronBinary(root = process.cwd()): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = base ? join(base, relative ?? 'electron') : relative ? join(packageDir, 'dist', relative) : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
