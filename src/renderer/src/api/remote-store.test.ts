import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/contract/system';
import { installTransport, invoke } from './client';
import { createRemoteStore } from './remote-store';
import { createFakeTransport, refusal } from './test-support/fake-transport';

afterEach(() => installTransport(null));

const dark: Settings = { language: 'en', theme: 'dark' };
const light: Settings = { language: 'zh-CN', theme: 'light' };

function settingsStore() {
  return createRemoteStore({
    initial: { settings: null as Settings | null },
    load: async () => ({ settings: await invoke('system.getSettings', {}) }),
    events: { 'system.settingsChanged': (settings) => ({ settings }) },
  });
}

/** A call main answers when the test says so. */
function held<T>() {
  let release!: (value: T) => void;
  const answer = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { answer, release };
}

describe('a store of data from main', () => {
  it('loads, keeps its last data when a reload is refused, and clears the error with the next good load', async () => {
    const answers: Array<Settings | Error> = [dark, refusal({ code: 'STORE_UNAVAILABLE', message: 'being repaired' }), light];
    installTransport(
      createFakeTransport({
        'system.getSettings': () => {
          const next = answers.shift();
          if (next instanceof Error) throw next;
          if (!next) throw new Error('no more answers');
          return next;
        },
      }),
    );
    const store = settingsStore();
    expect(store.getState()).toMatchObject({ settings: null, loaded: false, error: null });
    await store.getState().load();
    expect(store.getState()).toMatchObject({ settings: dark, loaded: true, error: null });
    await store.getState().load();
    expect(store.getState()).toMatchObject({ settings: dark, error: { code: 'STORE_UNAVAILABLE', message: 'being repaired' } });
    await store.getState().load();
    expect(store.getState()).toMatchObject({ settings: light, error: null });
  });

  it('drops an answer that arrives after a newer load was asked for', async () => {
    const slow = held<Settings>();
    const answers = [slow.answer, Promise.resolve(light)];
    installTransport(createFakeTransport({ 'system.getSettings': () => answers.shift() ?? Promise.reject(new Error('unexpected')) }));
    const store = settingsStore();
    const first = store.getState().load();
    await store.getState().load();
    slow.release(dark);
    await first;
    expect(store.getState().settings).toEqual(light);
  });

  it('follows its events only between connect and dispose', async () => {
    const fake = createFakeTransport();
    const store = settingsStore();
    const dispose = store.connect(fake.on.bind(fake));
    expect(fake.listenerCount()).toBe(1);
    fake.emit('system.settingsChanged', dark);
    expect(store.getState().settings).toEqual(dark);
    dispose();
    expect(fake.listenerCount()).toBe(0);
    fake.emit('system.settingsChanged', light);
    expect(store.getState().settings).toEqual(dark);
  });
});
