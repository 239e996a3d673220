import { getEventListeners } from 'node:events';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/contract';
import type { MediaProbe } from '../../shared/contract/media';
import type { ProbeOptions } from './probe';
import { fakeClock, openMediaService } from './test-support/media-test-kit';

/** A probe that answers only when cancelled. */
function probeUntilAborted(options: ProbeOptions): Promise<MediaProbe> {
  return new Promise((resolve) => {
    options.signal?.addEventListener('abort', () =>
      resolve({
        at: '',
        outcome: 'cancelled',
        elapsedMs: 0,
        status: null,
        contentType: null,
        contentLength: null,
        redirects: [],
        hls: null,
        detail: null,
      }),
    );
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('MediaService', () => {
  it('adds an entry with a default name, clean tags and times, persists it and announces it', async () => {
    const { service, dataDir, events } = await openMediaService();
    const entry = await service.add({ url: ' https://cdn.example.com/clips/Intro%20Clip.mp4 ', tags: ['Promo', ' promo ', 'Live  Show'] });
    expect(entry).toMatchObject({
      url: 'https://cdn.example.com/clips/Intro%20Clip.mp4',
      name: 'Intro Clip.mp4',
      tags: ['promo', 'live show'],
      addedAt: '2026-11-27T12:00:00.000Z',
      lastUsedAt: null,
      lastProbe: null,
    });
    expect(events).toEqual([{ event: 'media.changed', payload: { upserted: [entry], removed: [] } }]);
    const { service: reopened } = await openMediaService({}, dataDir);
    expect(reopened.get(entry.id)).toEqual(entry);
  });

  it('refuses a hostile or malformed URL with the problem named', async () => {
    const { service } = await openMediaService();
    for (const [url, problem] of [
      ['javascript:alert(1)', 'scheme'],
      ['https://a.example/x\r\nHost: evil', 'whitespace'],
      ['https://me:pw@a.example/x.mp4', 'credentials'],
    ]) {
      const error = await rejection(service.add({ url: url as string }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.details).toMatchObject({ problem });
    }
    expect(service.list()).toEqual([]);
  });

  it('catches duplicates on the normalised URL, on add and on edit', async () => {
    const { service } = await openMediaService();
    const first = await service.add({ url: 'https://cdn.example.com/a.mp4', name: 'First' });
    const duplicate = await rejection(service.add({ url: 'HTTPS://cdn.EXAMPLE.com:443/a.mp4#t=3' }));
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.details).toMatchObject({ duplicateOf: first.id, name: 'First' });
    const second = await service.add({ url: 'https://cdn.example.com/b.mp4' });
    expect((await rejection(service.update(second.id, { url: 'https://cdn.example.com/a.mp4' }))).code).toBe('CONFLICT');
    // Saving an entry with its own URL is not a duplicate of itself.
    await expect(service.update(first.id, { url: 'https://cdn.example.com/a.mp4', name: 'Renamed' })).resolves.toMatchObject({
      name: 'Renamed',
    });
  });

  it('edits fields, and forgets probe and preview facts when the URL changes', async () => {
    const clock = fakeClock();
    const { service } = await openMediaService({ clock });
    const entry = await service.add({ url: 'https://cdn.example.com/a.mp4' });
    await service.reportPreview(entry.id, { durationSeconds: 12.5, width: 160, height: 120 });
    clock.advance(60_000);
    const renamed = await service.update(entry.id, { name: 'Clip', notes: 'line one\r\nline two' });
    expect(renamed).toMatchObject({ name: 'Clip', notes: 'line one\nline two', updatedAt: '2026-11-27T12:01:00.000Z' });
    expect(renamed.preview).toMatchObject({ durationSeconds: 12.5, width: 160, height: 120 });
    const moved = await service.update(entry.id, { url: 'https://cdn.example.com/b.mp4' });
    expect(moved.preview).toBeNull();
    expect((await rejection(service.update('missing', { name: 'x' }))).code).toBe('NOT_FOUND');
  });

  it('tags and untags many entries at once', async () => {
    const { service } = await openMediaService();
    await service.import('text', 'https://a.example/1.mp4\nhttps://a.example/2.mp4\nhttps://a.example/3.mp4');
    const [one, two, three] = service.list();
    if (!one || !two || !three) throw new Error('expected three entries');
    expect(await service.tag([one.id, two.id], ['Live', 'news'])).toBe(2);
    expect(await service.tag([one.id, two.id, three.id], [], ['news'])).toBe(2);
    expect(service.list().map((entry) => entry.tags)).toEqual([['live'], ['live'], []]);
  });

  it('deletes many entries; an entry used by a preset needs force, and the conflict names the presets', async () => {
    const usedBy: Record<string, { id: string; name: string }[]> = {};
    const { service } = await openMediaService({ usage: { usersOf: async (id) => usedBy[id] ?? [] } });
    const a = await service.add({ url: 'https://a.example/1.mp4', name: 'One' });
    const b = await service.add({ url: 'https://a.example/2.mp4', name: 'Two' });
    usedBy[a.id] = [
      { id: 'p1', name: 'Morning show' },
      { id: 'p2', name: 'Replay' },
    ];
    const conflict = await rejection(service.delete([a.id, b.id]));
    expect(conflict.code).toBe('CONFLICT');
    expect(conflict.message).toContain('Morning show');
    expect(conflict.details).toEqual({ users: [{ mediaId: a.id, name: 'One', presets: usedBy[a.id] }] });
    expect(service.list()).toHaveLength(2);
    expect(await service.delete([b.id])).toEqual([b.id]);
    expect(await service.delete([a.id], true)).toEqual([a.id]);
    expect(service.list()).toEqual([]);
    expect((await rejection(service.delete(['gone']))).code).toBe('NOT_FOUND');
  });

  it('probes in the background, stores the result with its time, and announces it', async () => {
    const result: MediaProbe = {
      at: '2026-11-27T12:00:00.000Z',
      outcome: 'reachable',
      elapsedMs: 3,
      status: 200,
      contentType: 'video/mp4',
      contentLength: 100,
      redirects: [],
      hls: null,
      detail: null,
    };
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { service, events } = await openMediaService({
      probe: async () => {
        await gate;
        return result;
      },
    });
    const entry = await service.add({ url: 'https://a.example/1.mp4' }, { probe: true });
    // The call answered before the probe finished.
    expect(service.get(entry.id).lastProbe).toBeNull();
    expect(service.probe(entry.id)).toBe(false);
    release();
    await service.idle();
    expect(service.get(entry.id).lastProbe).toEqual(result);
    expect(events.at(-1)).toEqual({ event: 'media.probeFinished', payload: { id: entry.id, probe: result } });
  });

  it('cancels a running probe through its signal, and limits how many run at once', async () => {
    let running = 0;
    let most = 0;
    const { service } = await openMediaService({
      probeConcurrency: 2,
      probe: (_url: string, options: ProbeOptions) =>
        new Promise<MediaProbe>((resolve) => {
          running++;
          most = Math.max(most, running);
          options.signal?.addEventListener('abort', () => {
            running--;
            resolve({
              at: '',
              outcome: 'cancelled',
              elapsedMs: 0,
              status: null,
              contentType: null,
              contentLength: null,
              redirects: [],
              hls: null,
              detail: null,
            });
          });
        }),
    });
    await service.import('text', ['1', '2', '3', '4'].map((n) => `https://a.example/${n}.mp4`).join('\n'), { probe: true });
    const ids = service.list().map((entry) => entry.id);
    expect(most).toBe(2);
    for (const id of ids) expect(service.cancelProbe(id)).toBe(true);
    await service.idle();
    expect(most).toBe(2);
    expect(service.list().filter((entry) => entry.lastProbe?.outcome === 'cancelled')).toHaveLength(2);
  });

  it("cancels the probes a call started when that call's signal aborts, running or queued, and then stops listening to it", async () => {
    const { service } = await openMediaService({
      probeConcurrency: 1,
      probe: (_url: string, options: ProbeOptions) => probeUntilAborted(options),
    });
    const caller = new AbortController();
    await service.import('text', ['1', '2'].map((n) => `https://a.example/${n}.mp4`).join('\n'), { probe: true, signal: caller.signal });
    const other = await service.add({ url: 'https://a.example/3.mp4' });
    expect(service.probe(other.id)).toBe(true);
    // One listener for the whole import, however many probes it queued.
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    caller.abort();
    // The running one was cancelled, the queued one never ran; the probe another call asked for goes on.
    await expect.poll(() => service.list().filter((entry) => entry.lastProbe?.outcome === 'cancelled').length).toBe(1);
    await expect.poll(() => getEventListeners(caller.signal, 'abort').length).toBe(0);
    expect(service.cancelProbe(other.id)).toBe(true);
    await service.idle();
    expect(service.get(other.id).lastProbe?.outcome).toBe('cancelled');
    expect(service.list().filter((entry) => entry.lastProbe === null)).toHaveLength(1);
    expect(service.probe(other.id, caller.signal)).toBe(false);
  });

  it('keeps a corrupt media.json of an earlier version aside at the import, reports it, and starts empty', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'media-corrupt-'));
    await writeFile(join(dataDir, 'media.json'), '{"version":1,"data":{"entries":[{"id":1}]}}');
    const { service, problems } = await openMediaService({}, dataDir);
    expect(service.list()).toEqual([]);
    expect(problems.list()).toEqual([
      expect.objectContaining({ store: 'media.json', kind: 'corrupt', keptAs: 'json-before-database/media.json' }),
      expect.objectContaining({ kind: 'imported' }),
    ]);
    expect(await readdir(join(dataDir, 'json-before-database'))).toEqual(['media.json']);
  });

  it('marks an entry used', async () => {
    const clock = fakeClock();
    const { service } = await openMediaService({ clock });
    const entry = await service.add({ url: 'rtmp://live.example.com/app/key' });
    clock.advance(5_000);
    expect((await service.markUsed(entry.id)).lastUsedAt).toBe('2026-11-27T12:00:05.000Z');
  });
});
