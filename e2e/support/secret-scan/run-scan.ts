import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { type ArtefactKind, readRegistry, registryFileName } from './run-folder';
import { type KnownSecret, type Leak, SecretScanner } from './scanner';

type Keytar = typeof import('keytar');

export interface ScanReport {
  secrets: number;
  secretsBySource: Record<string, number>;
  artefacts: number;
  artefactsByKind: Partial<Record<ArtefactKind, number>>;
  bytes: number;
  hosts: number;
  missingArtefacts: string[];
  /** Full tickets found by decoding in the pages that asked the ticket tool for them (allowed there). */
  ticketsShownOnRequest: number;
  leaks: Leak[];
}

/** Where each secret came from, grouped for the report (the keychain, the page, a spec). */
function sourceGroup(source: string): string {
  if (source.startsWith('keychain')) return 'keychain';
  if (source.startsWith('ticket tool')) return 'ticket tool';
  if (source.startsWith('sent by the page')) return 'sent by the page';
  return 'registered by a spec';
}

/**
 * The whole-run scan: every secret the run used (registered, sent by a page, or left in a test keychain
 * namespace) against every artefact (host data dirs, host output and event streams, page snapshots and
 * console, downloads). Reads the keychain with keytar, as the app does.
 */
export async function runSecretScan(folder: string, loadKeytar: () => Keytar = defaultKeytar): Promise<ScanReport> {
  const registry = readRegistry(folder);
  const hosts = uniqueBy(
    registry.flatMap((entry) => (entry.type === 'host' ? [entry] : [])),
    (host) => `${host.dataDir}\n${host.keychainService}`,
  );

  const secrets: KnownSecret[] = registry.flatMap((entry) =>
    entry.type === 'secret'
      ? [{ value: entry.value, source: entry.source, ...(entry.shownToTest ? { shownToTest: entry.shownToTest } : {}) }]
      : [],
  );
  const keytar = loadKeytar();
  for (const service of new Set(hosts.map((host) => host.keychainService))) {
    for (const { account, password } of await keytar.findCredentials(service))
      secrets.push({ value: password, source: `keychain ${service} ${account}` });
  }
  const scanner = new SecretScanner(secrets);

  const artefacts: { path: string; kind: ArtefactKind; test?: string }[] = registry.flatMap((entry) =>
    entry.type === 'artefact' ? [{ path: entry.path, kind: entry.kind, test: entry.test }] : [],
  );
  for (const host of uniqueBy(hosts, (entry) => entry.dataDir)) {
    for (const path of await filesUnder(host.dataDir)) artefacts.push({ path, kind: 'data-dir', test: host.test });
  }

  const report: ScanReport = {
    secrets: scanner.size,
    secretsBySource: {},
    artefacts: 0,
    artefactsByKind: {},
    bytes: 0,
    hosts: hosts.length,
    missingArtefacts: [],
    ticketsShownOnRequest: 0,
    leaks: [],
  };
  const seen = new Set<string>();
  for (const secret of secrets) {
    if (seen.has(secret.value) || secret.value.length < 8) continue;
    seen.add(secret.value);
    const group = sourceGroup(secret.source);
    report.secretsBySource[group] = (report.secretsBySource[group] ?? 0) + 1;
  }
  for (const artefact of artefacts) {
    let bytes: Buffer;
    try {
      bytes = await readFile(artefact.path);
    } catch {
      report.missingArtefacts.push(artefact.path);
      continue;
    }
    report.artefacts += 1;
    report.bytes += bytes.length;
    report.artefactsByKind[artefact.kind] = (report.artefactsByKind[artefact.kind] ?? 0) + 1;
    report.leaks.push(...scanner.scan({ ...artefact, bytes }));
  }
  report.ticketsShownOnRequest = scanner.ticketsShownOnRequest;
  return report;
}

export function summaryLine(report: ScanReport): string {
  return `secret scan: ${report.secrets} secrets x ${report.artefacts} artefacts (${report.bytes} bytes), ${report.leaks.length} leaks`;
}

export function leakReport(report: ScanReport): string {
  return report.leaks.map((leak) => `  ${leak.what} as ${leak.form} in ${leak.kind} ${leak.artefact} at byte ${leak.offset}`).join('\n');
}

/**
 * After a clean scan: the hosts' data dirs and keychain namespaces go (they were kept for the scan), and
 * so does the run folder's evidence, which holds the secrets list; the report stays. After a leak
 * everything stays for inspection.
 */
export async function cleanUpAfterScan(folder: string, report: ScanReport, loadKeytar: () => Keytar = defaultKeytar): Promise<void> {
  await writeFile(join(folder, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (report.leaks.length > 0) return;
  const registry = readRegistry(folder);
  const keytar = loadKeytar();
  for (const entry of registry) {
    if (entry.type !== 'host') continue;
    // Only what tests made: temp dirs and test keychain namespaces.
    if (isInside(tmpdir(), entry.dataDir)) await rm(entry.dataDir, { recursive: true, force: true });
    if (entry.keychainService.startsWith('ingest-desk-test-')) {
      for (const { account } of await keytar.findCredentials(entry.keychainService))
        await keytar.deletePassword(entry.keychainService, account);
    }
  }
  for (const name of [registryFileName, 'hosts', 'pages', 'downloads']) await rm(join(folder, name), { recursive: true, force: true });
}

async function filesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

function isInside(parent: string, child: string): boolean {
  const path = relative(resolve(parent), resolve(child));
  return path !== '' && !path.startsWith('..') && !path.startsWith(sep);
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(key(item))) map.set(key(item), item);
  return [...map.values()];
}

function defaultKeytar(): Keytar {
  return createRequire(import.meta.url)('keytar') as Keytar;
}
