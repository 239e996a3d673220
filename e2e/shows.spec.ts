import type { ShowRun } from '../src/shared/shows/run-state';
import type { ShowSummary, StoredShow } from '../src/shared/shows/show-schema';
import { sampleDraft } from '../src/shared/test-support/samples';
import { expect, test } from './fixtures';
import { rpc, sandboxDraft } from './support/rpc';
import { choose, cueCard, draftOf, failOnPageErrors, openShow, openShows, saveShow } from './support/shows';
import { specSandbox } from './support/spec-sandbox';

/**
 * Shows end to end, the sheet half: a run-sheet built in the editor (and a conflicting save), a
 * pre-flight with a planted problem and the override it needs, a CSV run-sheet imported, and arming
 * a live show. The running half is in shows-run.spec.ts.
 */
const studio = specSandbox({ sdkAppId: 1400000444, name: 'Stage' });
failOnPageErrors();

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
