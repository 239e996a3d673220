import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { Api } from 'tls-sig-api-v2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from '../app/open-stores';
import { testStores } from '../db/test-support/test-database';
import { runInCall } from '../rpc/current-call';
import { testCallContext } from '../rpc/test-support/call-context';
import { csvColumns } from './log-export';
import { createLogHandlers } from './log-handlers';
import { TaskLog } from './task-log';
import { callRecord } from './test-support/test-records';

const sdkSecretKey = 'f2a1c0ffee5ecret0000000000000000000000000000000000000000deadbeef';
const api = new Api(1400000001, sdkSecretKey);
const userSig = api.genUserSig('robot_1', 86_400);
const privateMapKey = api.genPrivateMapKey('robot_1', 86_400, 1234, 255);
const secretKey = 'SK-very-secret-cloud-api-key-0001';
const environment = {
  appName: 'Ingest Desk',
  appVersion: '0.1.0',
  os: { platform: 'linux', release: '6.1', arch: 'x64' },
  versions: { node: '24' },
};

describe('log exports', () => {
  let dataDir: string;
  let log: TaskLog;
  let stores: Stores;
  const clock = { now: () => Date.UTC(2026, 10, 27, 13, 0, 0) };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'log-export-'));
    stores = testStores(dataDir, clock);
    log = await TaskLog.open({ database: stores.database, clock });
    // Secrets planted everywhere a careless caller could put them; recorded while a page call is handled.
    runInCall(testCallContext({ callId: 'call-start' }), () =>
      log.record(
        callRecord({
          action: 'StartStreamIngest',
          taskId: 'task-1',
          requestId: 'req-start',
          params: {
            SdkAppId: 1400000001,
            RoomId: '1234',
            UserId: 'robot_1',
            UserSig: userSig,
            PrivateMapKey: privateMapKey,
            StreamUrl: `https://media.example/a.m3u8?usersig=${userSig}`,
            Nested: { secretKey, sdkSecretKey, authorization: 'TC3-HMAC-SHA256 Credential=AKID/x' },
            Note: `sig ${userSig}`,
          },
          response: { TaskId: 'task-1', Echo: privateMapKey },
          errorMessage: `echoed ${userSig}`,
        }),
      ),
    );
    log.record(callRecord({ taskId: 'task-1', requestId: 'req-poll', at: '2026-11-27T12:01:00.000Z' }));
    log.record(
      callRecord({
        action: 'StartStreamIngest',
        taskId: undefined,
        roomId: '=cmd|calc',
        outcome: 'api-error',
        errorCode: 'InvalidParameter.StreamUrl',
        errorMessage: 'StreamUrl, "quoted", not reachable',
        requestId: 'req-fail',
        at: '2026-11-27T12:02:00.000Z',
      }),
    );
    await log.flushed();
  });
  afterEach(async () => {
    await log.close();
    stores.close();
  });

  const secrets = [userSig, privateMapKey, secretKey, sdkSecretKey, userSig.slice(20, 80), privateMapKey.slice(20, 80)];
  const expectNoSecret = (text: string) => {
    for (const secret of secrets) expect(text).not.toContain(secret);
  };

  it('stores no secret and no full UserSig: not in any file of the data dir (database, WAL, search index)', async () => {
    // Before the close's checkpoint (the WAL holds the rows) and after it (the database file does).
    for (const stage of ['open', 'closed']) {
      if (stage === 'closed') {
        await log.close();
        stores.close();
      }
      const files = await readdir(dataDir);
      expect(files.length).toBeGreaterThan(0);
      let all = '';
      for (const file of files) all += (await readFile(join(dataDir, file))).toString('latin1');
      expect(all, stage).toContain('req-start');
      expectNoSecret(all);
    }
  });

  it('exports the filtered entries as CSV with fixed columns, escaped formulas and redacted parameters', async () => {
    const handlers = createLogHandlers({ log, clock, environment });
    const file = await handlers.exportEntries({ filter: { actions: ['StartStreamIngest'] }, format: 'csv' }, testCallContext());
    expect(file).toMatchObject({ fileName: 'task-log-2026-11-27T13-00-00-000Z.csv', mimeType: 'text/csv', count: 2, truncated: false });
    expectNoSecret(file.text);
    const parsed = Papa.parse<Record<string, string>>(file.text, { header: true });
    expect(parsed.meta.fields).toEqual([...csvColumns]);
    expect(parsed.data.map((row) => row.requestId)).toEqual(['req-fail', 'req-start']);
    const [failed, started] = parsed.data;
    expect(failed).toMatchObject({
      outcome: 'api-error',
      errorCode: 'InvalidParameter.StreamUrl',
      errorMessage: 'StreamUrl, "quoted", not reachable',
    });
    // A cell that a spreadsheet would run as a formula is defused.
    expect(failed?.roomId).toBe("'=cmd|calc");
    expect(JSON.parse(started?.params ?? '{}')).toMatchObject({ UserSig: '[redacted]', PrivateMapKey: '[redacted]', RoomId: '1234' });
    expect([failed?.callId, started?.callId]).toEqual(['', 'call-start']);
  });

  it('exports the filtered entries as JSON with the filter and counts', async () => {
    const handlers = createLogHandlers({ log, clock, environment });
    const file = await handlers.exportEntries({ filter: { taskId: 'task-1' }, format: 'json' }, testCallContext());
    expectNoSecret(file.text);
    const body = JSON.parse(file.text);
    expect(body).toMatchObject({ kind: 'ingest-desk-task-log', version: 1, filter: { taskId: 'task-1' }, count: 2, total: 2 });
    expect(body.entries.map((entry: { requestId: string }) => entry.requestId)).toEqual(['req-poll', 'req-start']);
    expect(body.entries.map((entry: { callId?: string }) => entry.callId)).toEqual([undefined, 'call-start']);
    expect(body.entries[1].params.Nested).toEqual({ secretKey: '[redacted]', sdkSecretKey: '[redacted]', authorization: '[redacted]' });
  });

  it('builds a diagnostic bundle with versions, OS, the task log slice and the task state, all redacted', async () => {
    const handlers = createLogHandlers({ log, clock, environment });
    const withoutProvider = JSON.parse((await handlers.diagnosticBundle({ filter: { taskId: 'task-1' } }, testCallContext())).text);
    expect(withoutProvider.task).toBeNull();

    log.useTaskStateProvider({ taskState: (taskId) => ({ taskId, status: 'running', userSig, source: 'https://media.example/a.m3u8' }) });
    const file = await handlers.diagnosticBundle({ filter: { taskId: 'task-1' } }, testCallContext());
    expect(file.fileName).toBe('diagnostic-task-task-1-2026-11-27T13-00-00-000Z.json');
    expectNoSecret(file.text);
    const body = JSON.parse(file.text);
    expect(body).toMatchObject({
      kind: 'ingest-desk-diagnostic-bundle',
      app: { name: 'Ingest Desk', version: '0.1.0' },
      os: { platform: 'linux', release: '6.1', arch: 'x64' },
      versions: { node: '24' },
      task: { taskId: 'task-1', state: { status: 'running', userSig: '[redacted]' } },
      log: { count: 2, total: 2, skippedLines: 0, writeError: null },
    });
    expect(body.log.entries.map((entry: { requestId: string }) => entry.requestId)).toEqual(['req-poll', 'req-start']);
  });
});
