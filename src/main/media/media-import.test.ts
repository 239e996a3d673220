import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MediaService } from './media-service';
import { openMediaService } from './test-support/media-test-kit';

const fixture = (name: string) => readFile(join(import.meta.dirname, 'fixtures', name), 'utf8');
/** Each rejected row as `line:problem`. */
const problems = (report: { rejected: { line: number; problem: string }[] }) =>
  report.rejected.map(({ line, problem }) => `${line}:${problem}`);

/** A fresh library, and the report of importing `text` into it. */
async function imported(format: Parameters<MediaService['import']>[0], text: string) {
  const { service } = await openMediaService();
  return { service, report: await service.import(format, text) };
}

describe('import from real sample files, with a report of each rejected line', () => {
  it('reads a text list, one URL a line, skipping blanks and comments', async () => {
    const { service, report } = await imported('text', await fixture('sources.txt'));
    expect(report.added).toBe(3);
    expect(problems(report)).toEqual([
      '5:scheme',
      '6:whitespace',
      '7:scheme',
      '8:credentials',
      '10:duplicateInFile',
      '11:whitespace',
      '12:scheme',
    ]);
    expect(report.rejected.find((row) => row.line === 5)).toMatchObject({ text: 'javascript:alert(1)', detail: 'javascript' });
    expect(service.list().map((entry) => entry.url)).toEqual([
      'https://cdn.example.com/clips/intro.mp4',
      'http://127.0.0.1:8080/live/index.m3u8',
      'rtmp://live.example.com/app/stream',
    ]);
    expect(service.list()[0]?.name).toBe('intro.mp4');
  });

  it('reads CSV with a header, quoted commas and line breaks, and reports rows by their line', async () => {
    const { service, report } = await imported('csv', await fixture('sources.csv'));
    expect(report.added).toBe(3);
    expect(problems(report)).toEqual(['5:scheme', '6:missingUrl', '7:malformed', '9:duplicateInFile']);
    const [intro, main, rtmp] = service.list();
    expect(intro).toMatchObject({ name: 'Intro clip', tags: ['promo', 'short'], notes: 'Opening, with a comma' });
    expect(main).toMatchObject({ name: 'Main stream', tags: ['live'], notes: 'Notes over\ntwo lines' });
    expect(rtmp).toMatchObject({ url: 'rtmp://live.example.com/app/key', name: 'RTMP feed' });
  });

  it('reads CSV without a header as URLs in the first column', async () => {
    const { report } = await imported('csv', 'https://a.example/1.mp4,first\n"https://a.example/2.mp4"\nfile:///x,bad\n');
    expect(report.added).toBe(2);
    expect(problems(report)).toEqual(['3:scheme']);
  });

  it('reads JSON (the export format, bare strings and objects) and reports items by position', async () => {
    const { service, report } = await imported('json', await fixture('sources.json'));
    expect(report.added).toBe(3);
    expect(problems(report)).toEqual(['3:missingUrl', '4:scheme', '5:invalidField', '6:malformed']);
    expect(service.list()[0]).toMatchObject({ name: 'A', tags: ['one', 'two'], notes: 'first' });
  });

  it('reports a JSON file that does not parse as one malformed row', async () => {
    const { report } = await imported('json', '{"entries": [');
    expect(report.added).toBe(0);
    expect(problems(report)).toEqual(['0:malformed']);
  });

  it('reads M3U: #EXTINF titles become names, group-title becomes tags', async () => {
    const { service, report } = await imported('m3u', await fixture('sources.m3u'));
    expect(report.added).toBe(3);
    expect(problems(report)).toEqual(['7:scheme', '11:credentials']);
    expect(service.list().map(({ name, tags }) => ({ name, tags }))).toEqual([
      { name: 'Channel One, HD', tags: ['news', 'live'] },
      { name: 'Two', tags: [] },
      { name: 'three', tags: [] },
    ]);
  });

  it('refuses URLs already in the library as duplicates, on the normalised URL', async () => {
    const { service } = await openMediaService();
    await service.add({ url: 'https://cdn.example.com/a.mp4' });
    const report = await service.import('text', 'HTTPS://CDN.example.com:443/a.mp4#x\nhttps://cdn.example.com/A.mp4\n');
    expect(report.added).toBe(1);
    expect(problems(report)).toEqual(['1:duplicate']);
  });

  it('exports JSON, CSV and M3U that import back to the same entries', async () => {
    const { service } = await openMediaService();
    await service.import('csv', await fixture('sources.csv'));
    await service.import('m3u', await fixture('sources.m3u'));
    const original = service.list().map(({ url, name, tags, notes }) => ({ url, name, tags, notes }));
    for (const format of ['json', 'csv'] as const) {
      const file = service.export(format);
      const { service: other } = await openMediaService();
      const report = await other.import(format, file.text);
      expect(report.rejected, format).toEqual([]);
      expect(
        other.list().map(({ url, name, tags, notes }) => ({ url, name, tags, notes })),
        format,
      ).toEqual(original);
    }
    const m3u = service.export('m3u');
    expect(m3u.fileName).toMatch(/^media-2026-11-27\.m3u$/);
    const { service: fromM3u } = await openMediaService();
    await fromM3u.import('m3u', m3u.text);
    expect(fromM3u.list().map(({ url, name, tags }) => ({ url, name, tags }))).toEqual(
      original.map(({ url, name, tags }) => ({ url, name, tags })),
    );
  });

  it('exports only the chosen entries', async () => {
    const { service } = await openMediaService();
    const a = await service.add({ url: 'https://a.example/1.mp4' });
    await service.add({ url: 'https://a.example/2.mp4' });
    const file = service.export('json', [a.id]);
    expect(JSON.parse(file.text).entries.map((entry: { url: string }) => entry.url)).toEqual(['https://a.example/1.mp4']);
  });
});
