// `npm test`: every check, against real services. It re-runs itself inside a private D-Bus session
// with an unlocked gnome-keyring in a throwaway HOME (the real keychain, never the user's), then runs
// typecheck, lint, build, unit tests, end-to-end tests and the Electron security scan, and ends with
// one "N passed, N failed" line.
import './check-node.mjs';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from './lib/electron-binary.mjs';
import { missingPackages } from './lib/prerequisites.mjs';
import { run } from './lib/run.mjs';

const missing = missingPackages();
if (missing.length > 0) {
  const packages = [...new Set(missing.flatMap((need) => need.package.split(' ')))].join(' ');
  console.error(`Missing ${missing.map((need) => need.what).join(', ')}: sudo apt-get install -y --no-install-recommends ${packages}`);
  process.exit(1);
}

if (process.env.INGEST_DESK_TEST_SESSION !== '1') {
  const home = mkdtempSync(join(tmpdir(), 'ingest-desk-test-home-'));
  const code = await run('dbus-run-session', ['--', process.execPath, ...process.argv.slice(1)], {
    env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, '.local/share'), INGEST_DESK_TEST_SESSION: '1' },
  });
  rmSync(home, { recursive: true, force: true });
  process.exit(code);
}

await unlockKeyring();

const only = process.argv.slice(2);
const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npx', ['biome', 'check', '.']],
  ['build', 'npx', ['electron-vite', 'build', '--logLevel', 'warn']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']],
  ['e2e', 'npx', ['playwright', 'test']],
  ['electronegativity', process.execPath, ['scripts/check-electronegativity.mjs']],
].filter(([name]) => only.length === 0 || only.includes(name));

rmSync('reports/vitest.json', { force: true });
rmSync('reports/playwright.json', { force: true });
const failedSteps = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const code = await run(command, args);
  if (code !== 0) failedSteps.push(name);
}

if (!findElectronBinary()) {
  console.log('\nElectron shell specs (e2e/electron) were skipped: no Electron binary on this machine (the download is blocked here).');
}
const counts = countTests();
console.log(`\nSteps failed: ${failedSteps.length === 0 ? 'none' : failedSteps.join(', ')}`);
console.log(`tests: ${counts.passed} passed, ${counts.failed + failedSteps.length} failed, ${counts.skipped} skipped`);
process.exit(failedSteps.length === 0 ? 0 : 1);

async function unlockKeyring() {
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

function countTests() {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync('reports/vitest.json')) {
    const report = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
    counts.passed += report.numPassedTests ?? 0;
    counts.failed += report.numFailedTests ?? 0;
    counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  if (existsSync('reports/playwright.json')) {
    const { stats } = JSON.parse(readFileSync('reports/playwright.json', 'utf8'));
    counts.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
    counts.failed += stats?.unexpected ?? 0;
    counts.skipped += stats?.skipped ?? 0;
  }
  return counts;
}
