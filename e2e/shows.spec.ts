import type { Locator, Page } from '@playwright/test';
import { sampleDraft } from '../src/main/presets/sample-draft';
import type { LiveTask } from '../src/shared/contract/tasks';
import type { ShowRun } from '../src/shared/shows/run-state';
import type { Cue, ShowDraft, ShowSummary, ShowTask, StoredShow } from '../src/shared/shows/show-schema';
import { expect, test } from './fixtures';
import { type RunningHost, startHost } from './support/host';
import { rpc, sandboxDraft } from './support/rpc';
import { specSandbox } from './support/spec-sandbox';

/**
 * Shows end to end: a run-sheet built in the editor, a pre-flight with a planted problem, a rehearsal
 * at ×60 on the built-in sandbox, a CSV run-sheet imported, and a show on a sandbox of the spec's own
 * (so its Start requests can be counted) whose host is killed mid-show and restarted.
 */
const studio = specSandbox({ sdkAppId: 1400000444, name: 'Stage', sandbox: { maxConcurrentTasksPerApp: 50 } });

// An exception in the page (a render that threw) fails the test that caused it.
let pageErrors: string[] = [];
test.beforeEach(() => {
  pageErrors = [];
});
test.afterEach(() => {
  expect(pageErrors).toEqual([]);
});

async function openShows(page: Page, host: RunningHost) {
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await page.locator('nav [data-screen="shows"]').click();
  await expect(page.getByRole('heading', { name: 'Shows', level: 2 })).toBeVisible();
}

/** Picks an option of a Mantine Select found by its label inside `scope`. */
async function choose(page: Page, scope: Locator | Page, label: string, option: string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const cueCard = (page: Page, number: number) => page.getByRole('region', { name: `Cue ${number}`, exact: true });

async function saveShow(
  host: RunningHost,
  name: string,
  tasks: ShowTask[],
  cues: Omit<Cue, 'id'>[],
  extra: Partial<ShowDraft> = {},
): Promise<StoredShow> {
  const draft: ShowDraft = {
    name,
    tasks,
    cues: cues.map((cue, index) => ({ id: `c${index + 1}`, ...cue })),
    notes: '',
    preflightLeadMinutes: 0,
    ...extra,
  };
  return rpc<StoredShow>(host, 'shows.save', { draft });
}

async function openShow(page: Page, host: RunningHost, name: string, tab: 'Run-sheet' | 'Pre-flight' | 'Run') {
  await openShows(page, host);
  await page.getByRole('article', { name }).getByTestId('show-open').click();
  await page.getByRole('tab', { name: tab }).click();
}

const cueState = (page: Page, cueId: string) => page.locator(`[data-testid="run-cue"][data-cue-id="${cueId}"]`);

test('build a show in the editor: tasks, cues, a problem shown on its cue, then saved', async ({ page, host }) => {
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft('Lobby loop') });
  await openShows(page, host);
  await page.getByRole('button', { name: 'Create your first show' }).click();
  const sheet = page.getByRole('form');
  await sheet.getByRole('textbox', { name: 'Show name' }).fill('Evening');
  await sheet.getByRole('button', { name: 'Add task' }).click();
  await sheet.getByRole('textbox', { name: 'Task name' }).fill('Lobby 8001');
  await expect(sheet.getByRole('combobox', { name: 'Preset', exact: true })).toHaveValue('Lobby loop');

  await sheet.getByRole('button', { name: 'Add cue' }).click();
  await expect(cueCard(page, 1).getByRole('combobox', { name: 'Task', exact: true })).toHaveValue('Lobby 8001');
  await sheet.getByRole('button', { name: 'Add cue' }).click();
  const second = cueCard(page, 2);
  await choose(page, second, 'Fires', 'After the start');
  await second.getByRole('textbox', { name: 'Seconds' }).fill('90');
  await choose(page, second, 'Action', 'Volume');
  await second.getByRole('textbox', { name: 'Volume' }).fill('250');
  // The shared schema's rule, beside the cue it concerns; saving is refused.
  await expect(second.getByTestId('cue-problems')).toContainText('Volume');
  await expect(cueCard(page, 1).getByTestId('cue-problems')).toHaveCount(0);
  await sheet.getByRole('button', { name: 'Save show' }).click();
  await expect(page.getByText('Fix the problems shown before saving.')).toBeVisible();
  expect(await rpc<ShowSummary[]>(host, 'shows.list')).toEqual([]);

  await second.getByRole('textbox', { name: 'Volume' }).fill('40');
  await expect(second.getByTestId('cue-problems')).toHaveCount(0);
  // Pre-flight's sheet checks show as the producer types: an offset with no planned start.
  await expect(sheet.getByTestId('sheet-checks')).toContainText('No planned start');
  await sheet.getByRole('button', { name: 'Save show' }).click();
  await expect(page.getByRole('article', { name: 'Evening' })).toBeVisible();
  const [summary] = await rpc<ShowSummary[]>(host, 'shows.list');
  const stored = await rpc<StoredShow>(host, 'shows.get', { id: summary?.id });
  expect(stored.tasks).toEqual([{ name: 'Lobby 8001', presetId: preset.id }]);
  expect(stored.cues.map((cue) => [cue.trigger, cue.action])).toEqual([
    [{ kind: 'go' }, { kind: 'launch', task: 'Lobby 8001' }],
    [
      { kind: 'offset', seconds: 90 },
      { kind: 'volume', task: 'Lobby 8001', volume: 40 },
    ],
  ]);

  // Saved elsewhere while this editor has changes: its save asks instead of overwriting.
  await page.getByRole('tab', { name: 'Run-sheet' }).click();
  await sheet.getByRole('textbox', { name: 'Notes' }).fill('mine');
  await expect(page.getByTestId('show-unsaved')).toBeVisible();
  await rpc(host, 'shows.save', { id: stored.id, revision: stored.revision, draft: { ...draftOf(stored), notes: 'other window' } });
  await sheet.getByRole('button', { name: 'Save show' }).click();
  await expect(page.getByTestId('show-conflict')).toContainText('revision');
  await page.getByRole('button', { name: 'Save mine over it' }).click();
  await expect(page.getByTestId('show-conflict')).toHaveCount(0);
  await expect.poll(async () => (await rpc<StoredShow>(host, 'shows.get', { id: stored.id })).notes).toBe('mine');
});

function draftOf(show: StoredShow): ShowDraft {
  const { id: _id, revision: _revision, createdAt: _c, updatedAt: _u, ...draft } = show;
  return draft;
}

test('pre-flight finds a planted problem, explains it with a fix, and arming it needs an override that names it', async ({
  page,
  host,
}) => {
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft('Lobby loop') });
  const show = await saveShow(
    host,
    'Planted',
    [{ name: 'Lobby', presetId: preset.id }],
    [
      { trigger: { kind: 'offset', seconds: 5 }, action: { kind: 'launch', task: 'Lobby' } },
      { trigger: { kind: 'offset', seconds: 5 }, action: { kind: 'volume', task: 'Lobby', volume: 50 } },
      { trigger: { kind: 'offset', seconds: 10 }, action: { kind: 'stop', task: 'Lobbby' } },
    ],
    // Tomorrow: the offsets have times, so two of them in one second is a conflict.
    { plannedStart: new Date(Date.now() + 86_400_000).toISOString() },
  );
  await openShow(page, host, 'Planted', 'Pre-flight');
  await page.getByRole('button', { name: 'Check for a rehearsal' }).click();
  const panel = page.getByTestId('preflight-panel');
  const sameSecond = panel.locator('[data-testid="preflight-problem"][data-code="sameSecondOnTask"]');
  await expect(sameSecond).toBeVisible({ timeout: 30_000 });
  await expect(sameSecond).toContainText('task “Lobby”');
  await expect(sameSecond.getByTestId('preflight-fix')).not.toBeEmpty();
  const unknownTask = panel.locator('[data-testid="preflight-problem"][data-code="unknownTask"]');
  await expect(unknownTask).toContainText('cue 3');
  await expect(unknownTask).toHaveAttribute('data-severity', 'blocking');

  await page.getByTestId('arm-button').click();
  const override = page.getByRole('dialog', { name: 'Arm with blocking problems?' });
  await expect(override.getByTestId('arm-override-problems')).toContainText('Lobbby');
  await override.getByRole('button', { name: 'Cancel' }).click();
  expect(await rpc<ShowRun | null>(host, 'shows.run')).toBeNull();
  await page.getByTestId('arm-button').click();
  await override.getByRole('button', { name: 'Arm anyway' }).click();
  await expect(page.getByTestId('run-view')).toBeVisible();
  await expect(page.getByText('Armed with blocking problems (override).')).toBeVisible();
  expect((await rpc<ShowRun>(host, 'shows.run')).showId).toBe(show.id);
});

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

test('a CSV run-sheet becomes a show; a bad row is named and nothing is saved', async ({ page, host }) => {
  await rpc(host, 'presets.create', { draft: sandboxDraft('Lobby loop') });
  await openShows(page, host);
  const input = page.locator('input[type="file"]');
  const bad = [
    'cue,trigger,time,action,task,preset,room,value',
    'a,go,,launch,Lobby 8001,Lobby loop,8001,',
    'b,offset,0:30,explode,Lobby 8001,,,',
  ].join('\n');
  await input.setInputFiles({ name: 'Broken.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(page.getByText('Row 3: action: Pick what the cue does.')).toBeVisible();
  expect(await rpc<ShowSummary[]>(host, 'shows.list')).toEqual([]);

  const good = [
    'cue,label,trigger,time,action,task,preset,room,value',
    'lobby1,Lobby loop,go,,launch,Lobby 8001,Lobby loop,8001,',
    'lobby2,,after,0,launch,Lobby 8002,Lobby loop,8002,',
    'music,Music down,offset,1:30,volume,Lobby 8001,,,40',
    'end,Good night,go,,stopShow,,,,',
  ].join('\n');
  await input.setInputFiles({ name: 'Evening.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  const row = page.getByRole('article', { name: 'Evening' });
  await expect(row).toContainText('2 tasks · 4 cues');
  await row.getByTestId('show-open').click();
  await expect(page.getByTestId('cue-card')).toHaveCount(4);
  await expect(cueCard(page, 3).getByRole('textbox', { name: 'Seconds' })).toHaveValue('90');
  await expect(cueCard(page, 3).getByRole('textbox', { name: 'Volume' })).toHaveValue('40');
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
  await rpc(host, 'shows.arm', { id: show.id, mode: 'live', override: true });
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

test('arming a live show asks first, naming its live account and app; Cancel arms nothing, and arming sends nothing', async ({
  page,
  host,
}) => {
  await studio.addAccount(host);
  const preset = await rpc<{ id: string }>(host, 'presets.create', {
    draft: sampleDraft({
      name: 'Stage loop',
      sdkAppId: studio.sdkAppId,
      roomId: '9101',
      media: { kind: 'url', url: 'https://media.example.com/clip.mp4#duration=3600' },
    }),
  });
  await saveShow(
    host,
    'Live night',
    [{ name: 'Stage', presetId: preset.id }],
    [{ trigger: { kind: 'go' }, action: { kind: 'launch', task: 'Stage' } }],
  );
  await openShow(page, host, 'Live night', 'Pre-flight');
  await page.getByTestId('arm-controls').locator('label', { hasText: 'Live' }).click();
  await page.getByTestId('arm-button').click();
  const confirm = page.getByRole('dialog', { name: 'Arm a live show?' });
  await expect(confirm.getByTestId('target-where')).toHaveText(
    'Account Stage sandbox · App Stage app (1400000444) · International site · ap-singapore',
  );
  await expect(confirm.getByTestId('target-kind')).toHaveAttribute('data-kind', 'live');
  // Cancel has the focus: Enter alone never arms a billed show.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  expect(await rpc<ShowRun | null>(host, 'shows.run')).toBeNull();

  await page.getByTestId('arm-button').click();
  await confirm.getByRole('button', { name: 'Arm live' }).click();
  await expect(page.getByTestId('run-mode')).toHaveText('LIVE show');
  await expect(page.getByTestId('run-cue').getByTestId('target-kind')).toHaveAttribute('data-kind', 'live');
  expect(studio.sandbox.requests().filter((request) => request.action === 'StartStreamIngest')).toEqual([]);

  await page.getByRole('button', { name: 'End show' }).click();
  await page.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End, keep tasks' }).click();
  await expect(page.getByTestId('run-empty')).toBeVisible();
  expect((await rpc<ShowRun>(host, 'shows.run'))?.state ?? 'ended').toBe('ended');
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
