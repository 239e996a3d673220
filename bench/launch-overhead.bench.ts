/**
 * Launch overhead: a preset launched through the whole app against the bare SDK call, interleaved
 * in one run, with 0 ms and 40 ms of latency added by the sandbox.
 *
 * App: `POST /rpc/launch.start` on the built browser host (token, Origin and input validation), the
 * preset and the SecretKey and SDK secret key read from the real OS keychain, a UserSig generated,
 * the body validated, the registry written (pending, then settled), the SDK signing and sending to
 * the sandbox, the ApiCallRecord logged. Bare: one SDK TRTC client calling StartStreamIngest with the
 * same credentials against the same sandbox (UserSig made beforehand). Both go out on node:http with a
 * kept-alive connection (the app's call through `keepAliveRpc`, the SDK's through its node-fetch). A
 * call that does nothing (`system.info`), timed between pairs, shows what the transport alone costs.
 *
 * Limits: the sandbox keeps the real 20 calls per second per action per SecretId, and app and bare
 * share one SecretId, so each app + bare pair starts at least 120 ms after the previous one (at most
 * about 17 Starts per second; the app's own limiter, 19 per 1.05 s, never makes a launch wait). The
 * sandbox allows 100,000 concurrent tasks and every launch has its own room, so neither the
 * concurrency quota nor TaskExist is met; the RequestLimitExceeded count is asserted to be 0. Each
 * latency round gets a fresh host, and the media lasts an hour, so no poll of an ending task (which
 * writes the board's file) runs during the measurements.
 */
import { Api } from 'tls-sig-api-v2';
import { expect, test } from 'vitest';
import { rpc } from '../e2e/support/rpc';
import { startTrtcSandbox } from '../src/main/sandbox/index';
import { credential } from '../src/main/sandbox/test-support/fixture';
import { sandboxClient } from '../src/main/sandbox/test-support/sdk-client';
import { against, type Figure, report, summarise } from './report';
import { addSandboxAccount, benchApp, benchDraft, pause, startBenchHost } from './support/app-host';
import { keepAliveRpc } from './support/keep-alive-rpc';

const rounds = [
  { latencyMs: 0, pairs: 100, target: 'app/bare <= 2.0 at the median' },
  { latencyMs: 40, pairs: 60, target: 'app/bare <= 1.05 at the median' },
] as const;
const warmUpPairs = 5;
const pairSpacingMs = 120;

/** An hour of media: the tasks keep running, so the board's polls answer InProgress and write nothing. */
const streamUrl = 'https://media.example.com/clip.mp4#duration=3600';

test('launch through the app vs the bare SDK call, 0 ms and 40 ms of sandbox latency', async () => {
  const sandbox = await startTrtcSandbox({ credentials: [credential], apps: [benchApp], maxConcurrentTasksPerApp: 100_000 });
  const bare = sandboxClient(sandbox.port, { ...credential, region: 'ap-guangzhou' });
  const signer = new Api(benchApp.sdkAppId, benchApp.sdkSecretKey);
  const figures: Figure[] = [];
  // Rooms are never reused in the run (the tasks keep running), so no Start meets TaskExist.
  let next = 0;
  try {
    for (const round of rounds) {
      // A fresh host each round: no board still polling the last round's tasks.
      const bench = await startBenchHost();
      try {
        const { host } = bench;
        await addSandboxAccount(host, sandbox.port);
        const presetIds = new Map<number, string>();
        for (let i = next; i < next + warmUpPairs + round.pairs; i++) {
          const draft = benchDraft(`Launch ${i}`, String(10_000 + i), { media: { kind: 'url', url: streamUrl } });
          presetIds.set(i, (await rpc<{ id: string }>(host, 'presets.create', { draft })).id);
        }
        const timed = keepAliveRpc(host);
        const launchThroughApp = async (): Promise<number> => {
          const began = performance.now();
          const record = await timed.call<{ state: string; taskId?: string }>('launch.start', {
            source: { kind: 'preset', presetId: presetIds.get(next) },
          });
          const took = performance.now() - began;
          expect(record.state).toBe('started');
          expect(record.taskId).toBeTruthy();
          return took;
        };
        const launchBare = async (): Promise<number> => {
          const request = {
            SdkAppId: benchApp.sdkAppId,
            RoomId: String(50_000 + next),
            RoomIdType: 1,
            UserId: 'bench_robot',
            UserSig: signer.genUserSig('bench_robot', 600),
            StreamUrl: streamUrl,
            RepeatNum: 1,
            Volume: 100,
          };
          const began = performance.now();
          const response = await bare.StartStreamIngest(request);
          const took = performance.now() - began;
          expect(response.TaskId).toBeTruthy();
          return took;
        };

        sandbox.faults.clear();
        if (round.latencyMs > 0) sandbox.faults.set('StartStreamIngest', { latencyMs: round.latencyMs });
        const app: number[] = [];
        const sdk: number[] = [];
        const hop: number[] = [];
        const measuredRooms: string[] = [];
        for (let pair = 0; pair < warmUpPairs + round.pairs; pair++) {
          const pairStart = performance.now();
          // Alternate who goes first, so neither always meets a just-warmed sandbox.
          const appFirst = pair % 2 === 0;
          const a = await (appFirst ? launchThroughApp : launchBare)();
          const b = await (appFirst ? launchBare : launchThroughApp)();
          if (pair >= warmUpPairs) {
            app.push(appFirst ? a : b);
            sdk.push(appFirst ? b : a);
            measuredRooms.push(String(10_000 + next));
          }
          next++;
          // The transport's own round trip, on a host left idle about as long as before a launch.
          await pause(pairSpacingMs / 2);
          const hopStart = performance.now();
          await timed.call('system.info');
          if (pair >= warmUpPairs) hop.push(performance.now() - hopStart);
          await pause(Math.max(0, pairSpacingMs - (performance.now() - pairStart)));
        }
        timed.close();
        // The host's own record of each Start (the SDK call as it timed it): the rest is the app's work around it.
        const page = await rpc<{ rows: { roomId?: string; latencyMs?: number }[] }>(host, 'log.query', {
          filter: { sdkAppId: benchApp.sdkAppId, actions: ['StartStreamIngest'] },
          limit: 500,
        });
        const logged = new Map(page.rows.map((row) => [row.roomId, row.latencyMs ?? Number.NaN]));
        const inApp = measuredRooms.map((room) => logged.get(room) ?? Number.NaN);
        expect(inApp.filter(Number.isNaN)).toEqual([]);
        const baseline = summarise(`bare SDK StartStreamIngest, +${round.latencyMs} ms sandbox latency`, 'ms', sdk);
        figures.push(
          baseline,
          against(summarise(`preset launch through the app, +${round.latencyMs} ms sandbox latency`, 'ms', app, round.target), baseline),
          against(summarise(`  of which the SDK call inside the host (as logged), +${round.latencyMs} ms`, 'ms', inApp), baseline),
          summarise(`  a call that does nothing (system.info) through the same transport, +${round.latencyMs} ms round`, 'ms', hop),
        );
      } finally {
        await bench.dispose();
      }
    }
    expect(sandbox.requests().filter((entry) => entry.errorCode === 'RequestLimitExceeded')).toEqual([]);
    expect(sandbox.requests().filter((entry) => entry.action === 'StartStreamIngest' && entry.outcome === 'ok')).toHaveLength(2 * next);
  } finally {
    await sandbox.close();
  }
  report('launch-overhead', figures);
});
