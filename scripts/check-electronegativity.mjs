// Runs @doyensec/electronegativity over src and fails on any finding not accepted (with a reason) in
// build/electronegativity-accepted.json. The tool always exits 0, so this reads its report instead.
// Offline, the tool's own HTTP client crashes it at a random moment (see lib/offline-electronegativity.cjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../package.json');
const electronVersion = pkg.devDependencies.electron;
const report = 'reports/electronegativity.csv';
mkdirSync('reports', { recursive: true });
const tool = require.resolve('@doyensec/electronegativity/dist/index.js');

// Now and then (seen under heavy load) the offline tool writes a report with no rows at all; an
// empty report is tried again twice before it is believed.
let findings = [];
for (let attempt = 1; attempt <= 3 && findings.length === 0; attempt++) {
  rmSync(report, { force: true });
  spawnSync(
    process.execPath,
    ['--require', './scripts/lib/offline-electronegativity.cjs', tool, '-i', 'src', '-o', report, '-r', '-e', electronVersion],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300_000,
    },
  );
  if (!existsSync(report)) continue;
  findings = parseCsv(readFileSync(report, 'utf8'))
    .slice(1)
    .filter((row) => row.length > 4);
}
if (!existsSync(report)) {
  console.error('electronegativity wrote no report');
  process.exit(1);
}

const accepted = JSON.parse(readFileSync('build/electronegativity-accepted.json', 'utf8'));
const unaccepted = findings.filter(
  ([check, , , file, , sample]) =>
    !accepted.some((entry) => entry.check === check && file.endsWith(entry.file) && (!entry.sample || sample.includes(entry.sample))),
);
for (const [check, severity, , file, location, sample] of unaccepted) {
  console.error(`electronegativity: ${check} (${severity}) at ${file}:${location}: ${sample}`);
}
const stale = accepted.filter((entry) => !findings.some(([check, , , file]) => entry.check === check && file.endsWith(entry.file)));
for (const entry of stale)
  console.error(`electronegativity: accepted finding no longer reported, remove it: ${entry.check} in ${entry.file}`);
console.log(
  `electronegativity: ${findings.length} findings, ${findings.length - unaccepted.length} accepted with a reason, ${unaccepted.length} not accepted`,
);
process.exit(unaccepted.length === 0 && stale.length === 0 ? 0 : 1);

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += c;
    } else if (c === ',') {
      endField();
    } else if (c === '\n') {
      endRow();
    } else if (c !== '\r') {
      field += c;
    }
  }
  if (field || row.length) endRow();
  return rows;
}
