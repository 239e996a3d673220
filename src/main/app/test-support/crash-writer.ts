/**
 * A process that writes to every store as fast as it can, printing `ack <store> <n>` only once a
 * write was acknowledged (the call resolved, or the log said the line is written). The crash test
 * SIGKILLs it at random moments and then checks every acknowledged write survived.
 */

import { sampleDraft } from '../../../shared/test-support/samples';
import { MemorySecretStore } from '../../secrets/memory-store';
import { createAppServices } from '../create-services';

const [dataDir, first] = process.argv.slice(2);
if (!dataDir || !first) throw new Error('usage: crash-writer DATA_DIR FIRST_SEQUENCE');

// The keychain is not what this test is about: memory keeps it fast and leaves stores on disk real.
const services = await createAppServices({ dataDir, secrets: new MemorySecretStore(), transport: 'browser', warn: () => {} });
const overview = await services.dispatch('accounts.overview', {});
const sdkAppId = overview.ok
  ? (overview.value as { apps: { sandbox: boolean; sdkAppId: number }[] }).apps.find((app) => app.sandbox)?.sdkAppId
  : undefined;
if (!sdkAppId) throw new Error('no built-in sandbox app');
process.stdout.write('ready\n');

/** A draft on the built-in sandbox app, named and addressed after what it is for and its sequence number. */
const crashDraft = (what: 'preset' | 'launch', n: number, roomId: number) =>
  sampleDraft({
    name: `${what} ${n}`,
    sdkAppId,
    roomId: String(roomId),
    media: { kind: 'url', url: `https://crash.example.com/${what}-${n}.mp4` },
  });
const ack = (store: string, n: number, ...more: string[]) => process.stdout.write(`${['ack', store, n, ...more].join(' ')}\n`);
for (let n = Number(first); ; n++) {
  switch (n % 5) {
    case 0: {
      const result = await services.dispatch('media.add', { url: `https://crash.example.com/clip-${n}.mp4`, name: `clip ${n}` });
      if (result.ok) ack('media', n);
      break;
    }
    case 1: {
      const result = await services.dispatch('presets.create', { draft: crashDraft('preset', n, 1000 + n) });
      if (result.ok) ack('presets', n);
      break;
    }
    case 2: {
      const result = await services.dispatch('accounts.addProfile', {
        name: `profile ${n}`,
        site: 'china',
        region: 'ap-guangzhou',
        endpoint: null,
        secretId: `AKIDcrash${String(n).padStart(8, '0')}`,
      });
      if (result.ok) ack('accounts', n);
      break;
    }
    case 3: {
      // A launch on the built-in sandbox writes its record twice (pending, settled) and the board once or twice.
      const result = await services.dispatch('launch.start', { source: { kind: 'draft', draft: crashDraft('launch', n, 100_000 + n) } });
      // The record and the state the page was told: after the kills the record must be in that state.
      // (By id: a launch killed before its answer is tried again under the same n by the next process.)
      if (result.ok) {
        const record = result.value as { id: string; state: string };
        ack('launches', n, record.id, record.state);
      }
      break;
    }
    default: {
      services.log.record({
        at: new Date().toISOString(),
        action: 'StartStreamIngest',
        purpose: 'crash-test',
        profileId: 'p',
        profileName: 'crash',
        sandbox: true,
        region: 'ap-guangzhou',
        sdkAppId,
        roomId: String(n),
        taskId: `crash-task-${n}`,
        params: { RoomId: String(n), UserSig: '[redacted]' },
        outcome: 'ok',
        requestId: `req-${n}`,
        latencyMs: 1,
        appVersion: 'test',
      });
      await services.log.flushed();
      ack('log', n);
    }
  }
}
