// `npm start`: build and open the desktop app on the built-in sandbox. Where no Electron binary can
// be had, say so in one sentence and point at the browser host instead of printing a stack trace.
import './check-node.mjs';
import { buildIsCurrent, markBuilt } from './lib/build-current.mjs';
import { findElectronBinary } from './lib/electron-binary.mjs';
import { keychainAdvice } from './lib/keychain-check.mjs';
import { run } from './lib/run.mjs';

let binary = findElectronBinary();
if (!binary && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
  console.error('Fetching the Electron binary (first start only)...');
  await run(process.execPath, ['node_modules/electron/install.js'], { stdio: ['ignore', 'ignore', 'ignore'], timeout: 180_000 });
  binary = findElectronBinary();
}
if (!binary) {
  console.error(
    'Electron could not be downloaded on this machine, so the desktop window cannot open: run "npm run serve" to use the same app in your browser.',
  );
  process.exit(1);
}
const advice = keychainAdvice('npm start');
if (!buildIsCurrent()) {
  const built = await run('npx', ['electron-vite', 'build']);
  if (built !== 0) process.exit(built);
  markBuilt();
}
const problem = await advice;
if (problem) console.error(problem);
process.exit(await run('npx', ['electron-vite', 'preview', '--skipBuild']));
