// `npm run sandbox -- --port N --config FILE [--control-token T]`: build, then start the standalone
// TRTC sandbox. The build's chatter goes to stderr so stdout carries only `sandbox listening PORT`.
import './check-node.mjs';
import { run } from './lib/run.mjs';

const built = await run('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: ['ignore', 2, 'inherit'] });
if (built !== 0) process.exit(built);
process.exit(await run(process.execPath, ['out/main/sandbox.js', ...process.argv.slice(2)]));
