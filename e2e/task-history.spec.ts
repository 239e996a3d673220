import type { LogPage } from '../src/shared/contract/log';
import type { LiveTask } from '../src/shared/contract/tasks';
import { expect, test } from './fixtures';
import type { RunningHost } from './support/host';
import { rpc, sandboxDraft } from './support/rpc';

/**
 * A task's story in the log, from calls the app really made (not seeded rows): launched on the
 * built-in sandbox, paused, polled and stopped, then read back by its TaskId.
 */
async function launch(host: RunningHost, name: string) {
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft(name) });
  const record = await rpc<{ state: string; taskId: string }>(host, 'launch.start', { source: { kind: 'preset', presetId: preset.id } });
  expect(record.state).toBe('started');
  await expect
    .poll(async () => (await rpc<LiveTask[]>(host, 'tasks.list')).find((task) => task.taskId === record.taskId)?.status)
    .toBe('running');
  return (await rpc<LiveTask[]>(host, 'tasks.list')).find((task) => task.taskId === record.taskId) as LiveTask & { taskId: string };
}

test('every row of a task carries its TaskId, app, room and region, its history begins with its Start, its bundle holds its state', async ({
  page,
  host,
}) => {
  const task = await launch(host, 'History show');
  await rpc(host, 'tasks.pause', { id: task.id });
  await rpc(host, 'tasks.refresh', { id: task.id });
  await rpc(host, 'tasks.stop', { id: task.id });

  const history = await rpc<LogPage>(host, 'log.query', { filter: { taskId: task.taskId } });
  const actions = history.rows.map((row) => row.action).reverse();
  expect(actions[0]).toBe('StartStreamIngest');
  expect(actions).toEqual(expect.arrayContaining(['UpdateStreamIngest', 'DescribeStreamIngest', 'StopStreamIngest']));
  for (const row of history.rows)
    expect(row, row.action).toMatchObject({ taskId: task.taskId, sdkAppId: 1400000001, roomId: '1234', region: 'ap-singapore' });
  // The diagnostic bundle of the task, through the running host, holds the app's view of it.
  const bundle = await rpc<{ text: string }>(host, 'log.diagnosticBundle', { filter: { taskId: task.taskId } });
  const body = JSON.parse(bundle.text) as { task: { taskId: string; state: { board: LiveTask[]; launches: { state: string }[] } } };
  expect(body.task.taskId).toBe(task.taskId);
  expect(body.task.state.board).toEqual([
    expect.objectContaining({ id: task.id, status: 'ended', endReason: 'stopped', region: 'ap-singapore' }),
  ]);
  expect(body.task.state.launches).toEqual([expect.objectContaining({ state: 'started', taskId: task.taskId })]);
  // The room alone finds the same calls.
  const room = await rpc<LogPage>(host, 'log.query', { filter: { sdkAppId: 1400000001, roomId: '1234' } });
  expect(room.total).toBe(history.total);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Task log' }).click();
  await page.getByTestId('log-row').filter({ hasText: 'Start' }).first().getByTestId('open-details').click();
  await page.getByTestId('log-details').getByRole('button', { name: 'Whole history of this task' }).click();
  // TaskIds are case-sensitive: the chip shows this one exactly as TRTC spelled it.
  await expect(page.getByTestId('task-history')).toHaveText(`History of task ${task.taskId}`, { useInnerText: true });
  // Before its Start: the launch record written as pending.
  await expect(page.getByTestId('launch-record-note')).toContainText('Launched from "History show": recorded as pending at');
  await expect(page.getByTestId('log-summary')).toHaveText(`${history.total} of ${history.total} entries`);
});

test('a connection test is filed under its profile, not under a stand-in app and TaskId', async ({ page, host }) => {
  const overview = await rpc<{ profiles: { id: string; name: string }[] }>(host, 'accounts.overview');
  const profile = overview.profiles[0] as { id: string; name: string };
  await rpc(host, 'accounts.testConnection', { profileId: profile.id });
  const [row] = (await rpc<LogPage>(host, 'log.query', {})).rows;
  expect(row).toMatchObject({ purpose: 'test-connection', profileId: profile.id, profileName: profile.name });
  expect(row).not.toHaveProperty('sdkAppId');
  expect(row).not.toHaveProperty('taskId');
  expect((await rpc<{ sdkAppIds: number[] }>(host, 'log.facets')).sdkAppIds).toEqual([]);

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Task log' }).click();
  await expect(page.getByTestId('log-row')).toContainText(`Connection test of ${profile.name}`);
});
