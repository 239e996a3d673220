/**
 * Batch: one preset into 100 rooms through `tasks.batchStart` on the built browser host, against a
 * sandbox (in this process) that keeps the real 20 requests per second per action and allows 100
 * concurrent tasks. Wall time from the call to the batch's `done` progress event, and the count of
 * RequestLimitExceeded, from the items' results and from what the sandbox answered (must be 0).
 */
import { expect, test } from 'vitest';
import { rpc } from '../e2e/support/rpc';
import { startTrtcSandbox } from '../src/main/sandbox/index';
import { credential } from '../src/main/sandbox/test-support/fixture';
import type { BatchView } from '../src/shared/contract/tasks';
import { type Figure, report, summarise } from './report';
import { addSandboxAccount, benchApp, benchDraft, openEvents, startBenchHost } from './support/app-host';

const launches = 100;
const batches = 3;

test('100 launches in one batch: wall time and RequestLimitExceeded', async () => {
  const figures: Figure[] = [];
  const walls: number[] = [];
  const perSecond: number[] = [];
  let limited = 0;
  let answeredLimited = 0;
  for (let run = 0; run < batches; run++) {
    // A fresh sandbox and host each run: no task, limiter window or board entry left from the last one.
    const sandbox = await startTrtcSandbox({ credentials: [credential], apps: [benchApp], maxConcurrentTasksPerApp: launches });
    const bench = await startBenchHost();
    const events = await openEvents(bench.host);
    try {
      await addSandboxAccount(bench.host, sandbox.port);
      const preset = await rpc<{ id: string }>(bench.host, 'presets.create', {
        draft: benchDraft('Batch show', '1', { media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=600' } }),
      });
      const items = Array.from({ length: launches }, (_, i) => ({ presetId: preset.id, roomId: String(20_000 + run * launches + i) }));
      const done = events.next<BatchView>('tasks.batchProgress', (view) => view.state === 'done');
      const began = performance.now();
      // A user account on the bench's sandbox: live to main, so confirmed, as the page does.
      await rpc<BatchView>(bench.host, 'tasks.batchStart', { items, confirmLive: true });
      const view = await done;
      const wall = performance.now() - began;
      walls.push(wall);
      perSecond.push(launches / (wall / 1000));
      const codes = view.items.map((item) => item.error?.code ?? item.state);
      limited += codes.filter((code) => code.startsWith('RequestLimitExceeded')).length;
      expect(codes.filter((code) => code === 'started')).toHaveLength(launches);
      answeredLimited += sandbox.requests().filter((entry) => entry.errorCode === 'RequestLimitExceeded').length;
    } finally {
      events.close();
      await bench.dispose();
      await sandbox.close();
    }
  }
  expect(limited).toBe(0);
  expect(answeredLimited).toBe(0);
  figures.push(
    summarise(`batch of ${launches} launches, call to done (wall)`, 'ms', walls, 'about 5000 ms (20/s)'),
    summarise('launches per second in the batch', '/s', perSecond),
    summarise('RequestLimitExceeded (items + sandbox answers)', 'count', [limited + answeredLimited], '0'),
  );
  report('batch', figures);
});
