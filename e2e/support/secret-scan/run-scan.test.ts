import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { artefactFile, register, registerSecrets, runFolderVariable } from './run-folder';
import { cleanUpAfterScan, runSecretScan, summaryLine } from './run-scan';

// The real keychain (the test scripts provide an unlocked gnome-keyring), as the hosts use it.
const keytar = createRequire(import.meta.url)('keytar') as typeof import('keytar');

let folder: string;
let dataDir: string;
let service: string;
const sdkSecretKey = randomBytes(32).toString('hex');
const specSecret = `SK${randomBytes(16).toString('hex')}`;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'secret-scan-run-'));
  dataDir = await mkdtemp(join(tmpdir(), 'secret-scan-data-'));
  service = `ingest-desk-test-${randomUUID()}`;
  process.env[runFolderVariable] = folder;
  await keytar.setPassword(service, 'app:a1:sdkSecretKey', sdkSecretKey);
  register({ type: 'host', dataDir, keychainService: service, test: 't1' });
  registerSecrets([specSecret], 'a spec');
  await mkdir(join(dataDir, 'log'));
  await writeFile(join(dataDir, 'accounts.json'), '{"version":1,"data":{"apps":[{"id":"a1"}]}}');
});

afterEach(async () => {
  delete process.env[runFolderVariable];
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account);
  await rm(folder, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

describe('runSecretScan', () => {
  it('reads the keychain namespaces and every file of the data dirs, and after a clean scan removes them', async () => {
    const page = artefactFile('pages', 'p.json');
    await writeFile(page ?? '', '{"html":"<main>ok</main>"}');
    register({ type: 'artefact', path: page ?? '', kind: 'page', test: 't1' });

    const report = await runSecretScan(folder);
    expect(summaryLine(report)).toBe(`secret scan: 2 secrets x 2 artefacts (${report.bytes} bytes), 0 leaks`);
    expect(report.secretsBySource).toEqual({ keychain: 1, 'registered by a spec': 1 });

    await cleanUpAfterScan(folder, report);
    expect(existsSync(dataDir)).toBe(false);
    expect(await keytar.findCredentials(service)).toEqual([]);
    expect(await readdir(folder)).toEqual(['report.json']);
  });

  it('finds a keychain secret planted in a rotated log and a spec secret base64-encoded in a kept-aside file, and keeps everything', async () => {
    await writeFile(join(dataDir, 'log', 'task-log.2.jsonl'), `{"params":{"key":"${sdkSecretKey}"}}\n`);
    await writeFile(join(dataDir, 'presets.json.corrupt-1'), Buffer.from(`{"k":"${specSecret}"}`).toString('base64'));

    const report = await runSecretScan(folder);
    expect(report.leaks.map((leak) => [leak.artefact, leak.form, leak.what.split(' (')[0]])).toEqual(
      expect.arrayContaining([
        [join(dataDir, 'log', 'task-log.2.jsonl'), 'raw', `keychain ${service} app:a1:sdkSecretKey`],
        [join(dataDir, 'presets.json.corrupt-1'), 'base64', 'a spec'],
      ]),
    );
    expect(summaryLine(report)).toMatch(/, 2 leaks$/);

    await cleanUpAfterScan(folder, report);
    expect(existsSync(dataDir)).toBe(true);
    expect(await keytar.findCredentials(service)).toHaveLength(1);
  });
});
