import type { MediaEntry } from '../src/shared/contract/media';
import type { LiveTask } from '../src/shared/contract/tasks';
import { expect, test } from './fixtures';
import { rpc, sandboxDraft } from './support/rpc';

test('a launch and a source switch stamp their library entries "last used"; the Launch card follows the board to the end', async ({
  page,
  host,
}) => {
  const intro = await rpc<MediaEntry>(host, 'media.add', { name: 'Intro reel', url: 'https://media.example.com/intro.mp4#duration=600' });
  const outro = await rpc<MediaEntry>(host, 'media.add', { name: 'Outro reel', url: 'https://media.example.com/outro.mp4#duration=600' });
  expect([intro.lastUsedAt, outro.lastUsedAt]).toEqual([null, null]);
  await rpc(host, 'presets.create', {
    draft: sandboxDraft('Library show', { media: { kind: 'library', entryId: intro.id } }),
  });

  await page.goto(host.url);
  await page.getByRole('button', { name: 'Launch', exact: true }).click();
  await page.getByRole('button', { name: 'Launch Library show' }).click();
  const card = page.getByTestId('task-record').first();
  await expect(card).toHaveAttribute('data-state', 'started');
  await expect(card.getByTestId('task-state')).toHaveText('Started');
  await expect.poll(async () => (await rpc<MediaEntry>(host, 'media.get', { id: intro.id })).lastUsedAt).not.toBeNull();

  await expect.poll(async () => (await rpc<LiveTask[]>(host, 'tasks.list'))[0]?.status).toBe('running');
  const [task] = await rpc<LiveTask[]>(host, 'tasks.list');
  await rpc(host, 'tasks.pause', { id: task?.id });
  await expect(card.getByTestId('task-state')).toHaveText('Paused');
  await rpc(host, 'tasks.switchSource', { id: task?.id, source: { kind: 'entry', entryId: outro.id } });
  await expect.poll(async () => (await rpc<MediaEntry>(host, 'media.get', { id: outro.id })).lastUsedAt).not.toBeNull();

  await rpc(host, 'tasks.stop', { id: task?.id });
  await expect(card).toHaveAttribute('data-live', 'ended');
  await expect(card.getByTestId('task-state')).toHaveText('Stopped here');

  // The library shows when the entry was last pushed into a room.
  await page.getByRole('button', { name: 'Media library' }).click();
  await page.getByTestId('media-row').filter({ hasText: 'Outro reel' }).click();
  await expect(page.getByText(/Last used: /)).toBeVisible();
  await expect(page.getByText('Last used: Never')).toHaveCount(0);
});
