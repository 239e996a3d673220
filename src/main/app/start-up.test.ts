import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StartupCheck } from '../../shared/contract/tasks';
import { sampleDraft } from '../../shared/test-support/samples';
import type { TrtcSandbox } from '../sandbox';
import { otherApp as app, credential, startTestSandbox } from '../sandbox/test-support/fixture';
import { MemorySecretStore } from '../secrets/memory-store';
import { type AppServices, createAppServices } from './create-services';

// Both entry points (the Electron shell and the browser host) build the app with createAppServices and
// only then open a window or serve: it must come back without waiting for TRTC about the last run.
const open: AppServices[] = [];
let sandbox: TrtcSandbox | undefined;
afterEach(async () => {
  await Promise.all(open.splice(0).map((services) => services.close()));
  await sandbox?.close();
  sandbox = undefined;
});

async function services(dataDir: string, secrets: MemorySecretStore): Promise<AppServices> {
  const built = await createAppServices({ dataDir, secrets, transport: 'browser', samples: false, warn: () => {} });
  open.push(built);
  return built;
}

async function value<T>(services: AppServices, name: string, input: unknown = {}): Promise<T> {
  const result = await services.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('start-up', () => {
  it('comes back with the last run’s tasks on the board while TRTC has not answered about them', async () => {
    sandbox = await startTestSandbox({ maxConcurrentTasksPerApp: 50 });
    const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-start-up-'));
    const secrets = new MemorySecretStore();
    const first = await services(dataDir, secrets);
    const profile = await value<{ id: string }>(first, 'accounts.addProfile', {
      name: 'Show account',
      site: 'international',
      region: 'ap-singapore',
      endpoint: { scheme: 'http', host: '127.0.0.1', port: sandbox.port },
      ...credential,
    });
    await value(first, 'accounts.addApp', {
      sdkAppId: app.sdkAppId,
      label: 'Show app',
      colour: '#228be6',
      profileId: profile.id,
      defaults: { robotUserIdPrefix: 'robot_', userSigExpirySeconds: 600 },
      sdkSecretKey: app.sdkSecretKey,
    });
    const media = { kind: 'url', url: 'https://media.example.com/loop.mp4#duration=3600' } as const;
    for (const roomId of ['1', '2', '3']) {
      const preset = await value<{ id: string }>(first, 'presets.create', {
        draft: sampleDraft({ name: `Room ${roomId}`, sdkAppId: app.sdkAppId, roomId, media }),
      });
      expect(await value(first, 'launch.start', { source: { kind: 'preset', presetId: preset.id }, confirmLive: true })).toMatchObject({
        state: 'started',
      });
    }
    await first.close();
    open.splice(0);

    // TRTC stops answering Describe: start-up must not notice.
    sandbox.faults.set('DescribeStreamIngest', { failure: 'hang' });
    const again = await services(dataDir, secrets);
    const board = await value<{ status: string }[]>(again, 'tasks.list');
    const check = await value<StartupCheck>(again, 'tasks.startupCheck');
    expect(board.filter((task) => task.status === 'running')).toHaveLength(3);
    expect(check).toMatchObject({ state: 'checking', total: 3, checked: 0 });
    expect(check.pending).toHaveLength(3);
  });
});
