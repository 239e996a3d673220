import { afterEach, describe, expect, it } from 'vitest';
import type { MediaEntry } from '../../../shared/contract/media';
import { invoke } from '../api/client';
import { createFakeTransport } from '../api/test-support/fake-transport';
import { liveTask } from '../api/test-support/samples';
import { useMediaStore } from '../features/media/media-store';
import { useMediaView } from '../features/media/media-view-store';
import { useTasksStore } from '../features/tasks/tasks-store';
import { connectStores } from './connect-stores';
import { useSettingsStore } from './settings-store';

const entry = (id: string): MediaEntry => ({
  id,
  url: `https://media.example/${id}.mp4`,
  name: id,
  tags: [],
  notes: '',
  addedAt: '2026-11-27T11:00:00.000Z',
  updatedAt: '2026-11-27T11:00:00.000Z',
  lastUsedAt: null,
  lastProbe: null,
  preview: null,
});

let dispose = () => {};
afterEach(() => dispose());

describe('connecting the page to main', () => {
  it('routes every call through the given transport and follows the events until disposed', async () => {
    const fake = createFakeTransport({ 'system.getSettings': () => ({ language: 'en', theme: 'dark' }) });
    dispose = connectStores(fake);
    await useSettingsStore.getState().load();
    expect(useSettingsStore.getState().settings).toEqual({ language: 'en', theme: 'dark' });

    fake.emit('tasks.changed', liveTask({ id: 'x', status: 'running' }));
    expect(useTasksStore.getState().tasks.x?.status).toBe('running');
    fake.emit('tasks.removed', { id: 'x' });
    expect(useTasksStore.getState().tasks.x).toBeUndefined();

    dispose();
    expect(fake.listenerCount()).toBe(0);
    fake.emit('system.settingsChanged', { language: 'zh-CN', theme: 'light' });
    expect(useSettingsStore.getState().settings?.theme).toBe('dark');
    // Disposed: no transport, so a call is refused instead of reaching a stale one.
    await expect(invoke('system.getSettings', {})).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });

  it('drops a removed media entry from the list, the selection and the detail panel', () => {
    const fake = createFakeTransport();
    dispose = connectStores(fake);
    fake.emit('media.changed', { upserted: [entry('a'), entry('b')], removed: [] });
    useMediaView.setState({ selected: new Set(['a', 'b']), current: 'a' });
    fake.emit('media.changed', { upserted: [], removed: ['a'] });
    expect(useMediaStore.getState().entries.map((kept) => kept.id)).toEqual(['b']);
    expect([...useMediaView.getState().selected]).toEqual(['b']);
    expect(useMediaView.getState().current).toBeNull();
  });
});
