import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The secret scan's run folder: specs, the page fixture and every host started through `startHost`
 * register here what the run used (secrets, data dirs, keychain namespaces) and what it produced
 * (artefacts); the "secret scan" teardown project reads it after every spec has run.
 * playwright.config.ts sets the variable, so scripts that reuse the e2e support code register nothing.
 */
export const runFolderVariable = 'INGEST_DESK_SECRET_SCAN_DIR';

/** What kind of place an artefact is: only `page` artefacts may show tickets the test asked the page to generate or check. */
export type ArtefactKind = 'data-dir' | 'host-output' | 'events' | 'page' | 'page-console' | 'download';

export type Registration =
  | {
      type: 'secret';
      value: string;
      source: string /** Shown by the ticket tool on request, so allowed in this test's page artefacts. */;
      shownToTest?: string;
    }
  | { type: 'host'; dataDir: string; keychainService: string; test?: string }
  | { type: 'artefact'; path: string; kind: ArtefactKind; test?: string };

export function runFolder(): string | undefined {
  return process.env[runFolderVariable] || undefined;
}

const registryName = 'registry.jsonl';

export function register(entry: Registration): void {
  const folder = runFolder();
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  // One short line per append (O_APPEND): workers never interleave inside a line.
  appendFileSync(join(folder, registryName), `${JSON.stringify(entry)}\n`);
}

/** Secrets a spec used that the app may not keep in the keychain at the end (replaced, deleted, or never stored). */
export function registerSecrets(values: readonly string[], source: string): void {
  for (const value of values) register({ type: 'secret', value, source });
}

/** A path in the run folder for an artefact file (the folder is created), or undefined outside a scanned run. */
export function artefactFile(...parts: string[]): string | undefined {
  const folder = runFolder();
  if (!folder) return undefined;
  const path = join(folder, ...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  return path;
}

export function readRegistry(folder: string): Registration[] {
  let text: string;
  try {
    text = readFileSync(join(folder, registryName), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Registration);
}

export const registryFileName = registryName;
