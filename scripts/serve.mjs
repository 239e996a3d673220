// `npm run serve -- [--port N] [--data-dir D]`: build, then start the browser host. The build's
// chatter goes to stderr so stdout carries only the host's one "serving ..." line.
import './check-node.mjs';
import { run } from './lib/run.mjs';

const built = await run('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: ['ignore', 2, 'inherit'] });
if (built !== 0) process.exit(built);
process.exit(await run(process.execPath, ['out/main/serve.js', ...process.argv.slice(2)]));
