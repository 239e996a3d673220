import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What electron-vite builds from; a change to any of them means building again. */
const inputs = [
  'src',
  'electron.vite.config.ts',
  'electron.vite.main-bundle.ts',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];
const stamp = join('out', '.build-stamp');

/** True when out/ was built (by these scripts) after the newest input changed. */
export function buildIsCurrent() {
  if (!existsSync(stamp) || !existsSync(join('out', 'main', 'serve.js'))) return false;
  const built = statSync(stamp).mtimeMs;
  return inputs.every((input) => !existsSync(input) || newest(input) < built);
}

/** Marks out/ as built from the inputs as they are now. */
export function markBuilt() {
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

function newest(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}
