import type { LiveTask } from '../src/shared/contract/tasks';
import type { ShowRun } from '../src/shared/shows/run-state';
import type { ShowTask } from '../src/shared/shows/show-schema';
import { sampleDraft } from '../src/shared/test-support/samples';
import { expect, test } from './fixtures';
import { startHost } from './support/host';
import { rpc, sandboxDraft } from './support/rpc';
import { cueState, failOnPageErrors, openShow, openShows, saveShow } from './support/shows';
import { specSandbox } from './support/spec-sandbox';

/**
 * Shows end to end, the running half: a rehearsal at ×60 on the built-in sandbox started with Space,
 * a show on a sandbox of the spec's own (so its Start requests can be counted) whose host is killed
 * mid-show and restarted, a fault switched on mid-rehearsal, and Hold / Resume / Jump.
 */
const studio = specSandbox({ sdkAppId: 1400000444, name: 'Stage', sandbox: { maxConcurrentTasksPerApp: 50 } });
failOnPageErrors();

test('rehearse at x60 on the sandbox: Space is Go, cues fire in order, their tasks appear on the board', async ({ page, host }) => {
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft('Lobby loop') });
  await saveShow(
    host,
    'Rehearsal',
    [
      { name: 'Lobby 8101', presetId: preset.id, roomId: '8101' },
      { name: 'Lobby 8102', presetId: preset.id, roomId: '8102' },
    ],
    [
      { trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Lobby 8101' } },
      // A minute of show time: a second at x60.
      { trigger: { kind: 'after', seconds: 60 }, action: { kind: 'launch', task: 'Lobby 8102' } },
      { trigger: { kind: 'after', seconds: 120 }, action: { kind: 'volume', task: 'Lobby 8101', volume: 40 } },
    ],
  );
  await openShow(page, host, 'Rehearsal', 'Pre-flight');
  await page.getByTestId('arm-controls').locator('label', { hasText: '×60' }).click();
  await expect(page.getByRole('radio', { name: '×60' })).toBeChecked();
  await page.getByTestId('arm-button').click();
  // Offline, the sample media cannot be probed: that is a problem to override, not a failure of this test.
  const override = page.getByRole('dialog', { name: 'Arm with blocking problems?' });
  const runView = page.getByTestId('run-view');
  await expect(runView.or(override)).toBeVisible({ timeout: 30_000 });
  if (await override.isVisible()) await override.getByRole('button', { name: 'Arm anyway' }).click();
  await expect(runView).toBeVisible();
  await expect(page.getByTestId('run-mode')).toHaveText('REHEARSAL on the sandbox');
  await expect(page.getByText('Speed ×60')).toBeVisible();
  for (const cue of await page.getByTestId('run-cue').all())
    await expect(cue.getByTestId('target-kind')).toHaveAttribute('data-kind', 'sandbox');

  // Space on the focused view is Go: it starts the show clock, and cue 1 is due at once.
  await expect(page.getByTestId('run-clock')).toHaveText('--:--:--');
  await runView.focus();
  await page.keyboard.press('Space');
  await expect(cueState(page, 'c1')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(cueState(page, 'c2')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(cueState(page, 'c3')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(cueState(page, 'c3').getByTestId('cue-state')).toHaveText('Fired');

  await page.locator('nav [data-screen="tasks"]').click();
  await expect(page.getByTestId('task-card')).toHaveCount(2);
  // Each card says how fresh its status is, once the board's first Describe has answered.
  for (const card of await page.getByTestId('task-card').all()) {
    await expect(card.getByTestId('task-checked')).toContainText(/^Status checked .*(now|ago)$/, { timeout: 30_000 });
  }
  const tasks = await rpc<LiveTask[]>(host, 'tasks.list');
  expect(tasks.map((task) => task.roomId).sort()).toEqual(['8101', '8102']);
  expect(tasks.find((task) => task.roomId === '8101')?.volume).toBe(40);
});

test('kill the host mid-show and restart: no Start sent twice, the missed cue is asked about, the rest fire on time', async ({
  page,
  host,
}) => {
  test.setTimeout(120_000);
  await studio.addAccount(host);
  const preset = await rpc<{ id: string }>(host, 'presets.create', {
    draft: sampleDraft({
      name: 'Stage loop',
      sdkAppId: studio.sdkAppId,
      roomId: '9001',
      media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=3600' },
    }),
  });
  const task = (room: string): ShowTask => ({ name: `Stage ${room}`, presetId: preset.id, roomId: room });
  const show = await saveShow(
    host,
    'Crash show',
    [task('9001'), task('9002'), task('9003'), task('9004')],
    [
      // Two at the start (a slow Start on a busy machine must not make the second late), one while
      // the host is down, one well after the restart.
      { trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Stage 9001' } },
      { trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Stage 9002' } },
      { trigger: { kind: 'offset', seconds: 10 }, action: { kind: 'launch', task: 'Stage 9003' } },
      { trigger: { kind: 'offset', seconds: 35 }, action: { kind: 'launch', task: 'Stage 9004' } },
    ],
  );
  const starts = () => studio.sandbox.requests().filter((request) => request.action === 'StartStreamIngest' && request.processed).length;
  await rpc(host, 'shows.arm', { id: show.id, mode: 'live', override: true, confirmLive: true });
  const started = await rpc<ShowRun>(host, 'shows.go', { id: show.id });
  const showStart = started.startedAt ?? 0;
  const stateOf = (run: ShowRun, cueId: string) => run.cues.find((cue) => cue.cueId === cueId)?.state;
  await expect.poll(async () => stateOf(await rpc<ShowRun>(host, 'shows.run'), 'c2'), { timeout: 20_000 }).toBe('done');
  expect(stateOf(await rpc<ShowRun>(host, 'shows.run'), 'c1')).toBe('done');
  await host.stop('SIGKILL');
  expect(starts()).toBe(2);
  // Down until cue 3 is more than 5 s late: it is missed, and never fired late on its own.
  await expect.poll(() => Date.now() - showStart, { timeout: 30_000 }).toBeGreaterThan(17_000);

  const again = await startHost({ dataDir: host.dataDir, keychainService: host.keychainService });
  try {
    const restored = await rpc<ShowRun>(again, 'shows.run');
    expect(restored.recoveredAt).toBeDefined();
    expect(restored.cues.map((cue) => cue.state)).toEqual(['done', 'done', 'missed', 'waiting']);
    await openShows(page, again);
    const missed = page.getByTestId('missed-cue');
    await expect(missed).toHaveCount(1);
    // More than main's 5 s grace: that is why it was not fired on its own.
    await expect(missed).toContainText(/0:(0[5-9]|[1-5]\d) late/);
    expect(starts()).toBe(2);
    await missed.getByRole('button', { name: 'Fire cue 3 now' }).click();
    await expect(cueState(page, 'c3')).toHaveAttribute('data-state', 'done');
    await expect(cueState(page, 'c4')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    const finished = await rpc<ShowRun>(again, 'shows.run');
    const fourth = finished.cues.find((cue) => cue.cueId === 'c4');
    // On time after the restart: fired by main on its own (so within its 5 s grace, not missed), never
    // early. How late it was is recorded with the result, not asserted: a busy CI machine is no clock.
    expect(fourth?.firedAt).toBeGreaterThanOrEqual(fourth?.dueAt ?? Number.POSITIVE_INFINITY);
    expect(fourth?.lateMs).toBeGreaterThanOrEqual(0);
    test.info().annotations.push({ type: 'cue 4 late after the restart (ms)', description: String(fourth?.lateMs) });
    expect(starts()).toBe(4);
    const rooms = (await rpc<LiveTask[]>(again, 'tasks.list')).map((live) => live.roomId).sort();
    expect(rooms).toEqual(['9001', '9002', '9003', '9004']);
  } finally {
    await again.stop();
  }
});

test('a fault switched on mid-rehearsal fails a launch: its task’s next cue is held and the producer skips it', async ({ page, host }) => {
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft('Lobby loop') });
  await saveShow(
    host,
    'Faults',
    [
      { name: 'Lobby 8201', presetId: preset.id, roomId: '8201' },
      { name: 'Lobby 8202', presetId: preset.id, roomId: '8202' },
    ],
    [
      { trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Lobby 8201' } },
      { trigger: { kind: 'go' }, action: { kind: 'launch', task: 'Lobby 8202' } },
      { trigger: { kind: 'after', seconds: 30 }, action: { kind: 'volume', task: 'Lobby 8202', volume: 40 } },
    ],
  );
  await openShow(page, host, 'Faults', 'Pre-flight');
  await page.getByTestId('arm-controls').locator('label', { hasText: '×60' }).click();
  await page.getByTestId('arm-button').click();
  const runView = page.getByTestId('run-view');
  await expect(runView).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('run-go').click();
  await expect(cueState(page, 'c1')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  await page.getByTestId('rehearsal-faults').locator('label', { hasText: 'Starts fail (TRTC error)' }).click();
  await expect(page.getByText('Fault switched on.')).toBeVisible();
  await runView.focus();
  await page.keyboard.press('Space');
  await expect(cueState(page, 'c2')).toHaveAttribute('data-state', 'failed');
  await expect(cueState(page, 'c2').getByTestId('cue-error')).toHaveText('FailedOperation');
  const held = page.getByTestId('held-cue');
  await expect(held).toHaveAttribute('data-cue-id', 'c3');
  await expect(held).toContainText('“Lobby 8202”');
  await held.getByRole('button', { name: 'Skip cue 3' }).click();
  await expect(cueState(page, 'c3')).toHaveAttribute('data-state', 'skipped');
  await expect(held).toHaveCount(0);
  const tasks = await rpc<LiveTask[]>(host, 'tasks.list');
  expect(tasks.map((task) => task.roomId)).toEqual(['8201']);
});

test('Hold stops the show clock and Resume restarts it; Jump skips the cues before and fires the one chosen', async ({ page, host }) => {
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft('Lobby loop') });
  await saveShow(
    host,
    'Jumps',
    [{ name: 'Lobby 8301', presetId: preset.id, roomId: '8301' }],
    [
      { trigger: { kind: 'offset', seconds: 0 }, action: { kind: 'launch', task: 'Lobby 8301' } },
      { trigger: { kind: 'offset', seconds: 3600 }, action: { kind: 'volume', task: 'Lobby 8301', volume: 20 } },
      { trigger: { kind: 'go' }, action: { kind: 'volume', task: 'Lobby 8301', volume: 60 } },
      { trigger: { kind: 'go' }, action: { kind: 'volume', task: 'Lobby 8301', volume: 90 } },
    ],
  );
  await openShow(page, host, 'Jumps', 'Pre-flight');
  await page.getByTestId('arm-button').click();
  await expect(page.getByTestId('run-view')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('run-go').click();
  await expect(cueState(page, 'c1')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });

  await page.getByRole('button', { name: 'Hold' }).click();
  await expect(page.getByTestId('run-state')).toHaveText('On hold');
  const held = await page.getByTestId('run-clock').textContent();
  await expect.poll(async () => (await rpc<ShowRun>(host, 'shows.run')).clock.running).toBe(false);
  expect(await page.getByTestId('run-clock').textContent()).toBe(held);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('run-state')).toHaveText('Running');

  await page.getByRole('button', { name: 'Jump here (cue 3)' }).click();
  await expect(cueState(page, 'c2')).toHaveAttribute('data-state', 'skipped');
  await expect(cueState(page, 'c3')).toHaveAttribute('data-state', 'done');
  await expect(cueState(page, 'c4')).toHaveAttribute('data-next', 'true');
  await expect.poll(async () => (await rpc<LiveTask[]>(host, 'tasks.list'))[0]?.volume).toBe(60);
});
