// `npm run serve -- [--port N] [--data-dir D]`: build (only when a source changed since the last
// build), then start the browser host. The build's chatter and the keychain advice go to stderr so
// stdout carries only the host's one "serving ..." line.
import './check-node.mjs';
import { buildIsCurrent, markBuilt } from './lib/build-current.mjs';
import { keychainAdvice } from './lib/keychain-check.mjs';
import { run } from './lib/run.mjs';

const advice = keychainAdvice('npm run serve');
if (buildIsCurrent()) {
  console.error('The build is current: serving it (no rebuild).');
} else {
  const built = await run('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: ['ignore', 2, 'inherit'] });
  if (built !== 0) process.exit(built);
  markBuilt();
}
const problem = await advice;
if (problem) console.error(problem);
process.exit(await run(process.execPath, ['out/main/serve.js', ...process.argv.slice(2)]));
