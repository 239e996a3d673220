import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHost } from './support/host';
import { seedMediaLibrary } from './support/media-library';
import { type MediaFile, type MediaServer, startMediaServer } from './support/media-server';

const master = `#EXTM3U
#EXT-X-STREAM-INF:BANDWIDTH=800000,RESOLUTION=640x360,CODECS="avc1.4d401e,mp4a.40.2"
low/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=2800000,RESOLUTION=1280x720,CODECS="avc1.4d401f,mp4a.40.2"
mid/index.m3u8
`;

let media: MediaServer;

// The CI machine has 2 cores shared by several suites; starting a host and a browser can take a while.
test.describe.configure({ timeout: 90_000 });

test.beforeAll(async () => {
  // A 1 s, 160x120 H.264/AAC clip made here, so the preview plays real media from a local origin.
  const dir = await mkdtemp(join(tmpdir(), 'ingest-desk-media-'));
  const clip = join(dir, 'clip.mp4');
  const source = (size: string, seconds: number) =>
    [
      ['-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25:duration=${seconds}`],
      ['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
      ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
    ].flat();
  const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args]);
  ffmpeg([...source('160x120', 1), '-movflags', '+faststart', clip]);
  // HLS (through hls.js) and FLV (through mpegts.js) at another size, so each test knows which played.
  await mkdir(join(dir, 'hls'));
  ffmpeg([...source('320x240', 2), '-f', 'hls', '-hls_time', '1', '-hls_playlist_type', 'vod', join(dir, 'hls', 'index.m3u8')]);
  ffmpeg([...source('320x240', 1), '-f', 'flv', join(dir, 'clip.flv')]);
  const hlsFiles: Record<string, MediaFile> = {};
  for (const name of await readdir(join(dir, 'hls'))) {
    const contentType = name.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp2t';
    hlsFiles[`/hls/${name}`] = { body: await readFile(join(dir, 'hls', name)), contentType };
  }
  media = await startMediaServer({
    '/clip.mp4': { body: await readFile(clip), contentType: 'video/mp4' },
    '/live/master.m3u8': { body: master, contentType: 'application/vnd.apple.mpegurl' },
    '/stream.flv': { body: await readFile(join(dir, 'clip.flv')), contentType: 'video/x-flv' },
    ...hlsFiles,
  });
});

test.afterAll(async () => {
  await media.close();
});

async function openLibrary(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Media library' }).click();
  await expect(page.getByTestId('media-screen')).toHaveAttribute('data-loaded', 'true');
}

test('adding checks the URL as typed, refuses hostile schemes and duplicates, and saves a valid entry', async ({ page, host }) => {
  await openLibrary(page, host.url);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add media' });
  const url = dialog.getByRole('textbox', { name: 'URL' });

  await url.fill('javascript:alert(1)');
  await expect(dialog.getByText('Only http, https, rtmp and rtmps URLs can be used.')).toBeVisible();
  await url.fill('https://user:pw@cdn.example.com/a.mp4');
  await expect(dialog.getByText('The URL contains a user name or password')).toBeVisible();

  await url.fill(`${media.origin}/clip.mp4`);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Test clip');
  await dialog.getByRole('checkbox', { name: 'Probe the URL after adding' }).uncheck();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('media-row-name')).toHaveText(['Test clip']);

  // The same URL with another case and a fragment is a duplicate.
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await url.fill(`${media.origin.replace('http://', 'HTTP://')}/clip.mp4#t=1`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('This URL is already in the library as "Test clip".')).toBeVisible();
});

test('a pasted list is imported with a report of each rejected line; bulk tagging and tag search work', async ({ page, host }) => {
  await openLibrary(page, host.url);
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import media' });
  await dialog
    .getByRole('textbox', { name: 'Paste URLs or file content' })
    .fill(
      [
        'https://cdn.example.com/one.mp4',
        'file:///etc/passwd',
        'https://cdn.example.com/two.flv',
        'https://a b.example/x',
        'rtmp://live.example.com/app/key',
      ].join('\n'),
    );
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report').getByRole('status')).toHaveText('3 added, 2 rejected.');
  await expect(dialog.getByTestId('import-rejected')).toHaveText([
    /^2file:\/\/\/etc\/passwd.*Only http, https, rtmp and rtmps/,
    /^4.*spaces, tabs or line breaks/,
  ]);
  // The footer's Close (the title bar's X is named Close too).
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(page.getByTestId('media-count')).toHaveText('3 of 3 entries');

  // Tick two rows with the keyboard, tag them, then find them by tag.
  const list = page.getByRole('listbox', { name: 'Library entries' });
  await list.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('textbox', { name: 'Tag for the selected entries' }).fill('Evening');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('2 entries changed.')).toBeVisible();
  await page.getByTestId('media-search').fill('#even');
  await expect(page.getByTestId('media-count')).toHaveText('2 of 3 entries');

  // Export the two ticked entries as M3U: the file the browser downloads holds exactly them.
  await page.getByRole('button', { name: 'Export selected (2)' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'M3U' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^media-\d{4}-\d{2}-\d{2}\.m3u$/);
  const m3u = await readFile(await download.path(), 'utf8');
  expect(m3u.startsWith('#EXTM3U\n')).toBe(true);
  expect(m3u.match(/group-title="evening"/g)).toHaveLength(2);

  // An RTMP entry says it cannot be previewed.
  await page.getByTestId('media-search').fill('rtmp');
  await page.getByTestId('media-row').first().click();
  await expect(page.getByTestId('preview-rtmp')).toContainText('RTMP streams cannot be played');
});

test('probing an HLS master playlist on a local server shows its variants', async ({ page, host }) => {
  await openLibrary(page, host.url);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add media' });
  await dialog.getByRole('textbox', { name: 'URL' }).fill(`${media.origin}/live/master.m3u8`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  // Probe on add is the default; the result arrives as an event.
  const result = page.getByTestId('probe-result');
  await expect(result).toHaveAttribute('data-outcome', 'reachable');
  await expect(page.getByTestId('probe-hls')).toContainText('Master playlist with 2 variants');
  await expect(page.getByTestId('probe-hls')).toContainText('1280×720');
  // Only the entry's own URL was requested: no variant playlist.
  expect(media.requested.filter((path) => path.startsWith('/live/'))).toEqual(['/live/master.m3u8']);
});

test('a small MP4 from a local server plays in the preview and its duration and size are saved', async ({ page, host }) => {
  await openLibrary(page, host.url);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add media' });
  await dialog.getByRole('textbox', { name: 'URL' }).fill(`${media.origin}/clip.mp4`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('media-detail').getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('preview-facts')).toHaveText('Duration 0:01, resolution 160×120');
  const video = page.getByTestId('preview-video');
  expect(await video.evaluate((element: HTMLVideoElement) => [element.videoWidth, element.videoHeight])).toEqual([160, 120]);
  // Saved in main: a reload still knows it.
  await page.reload();
  await page.getByRole('button', { name: 'Media library' }).click();
  await page.getByTestId('media-row').first().click();
  await expect(page.getByTestId('preview-facts')).toHaveText('Duration 0:01, resolution 160×120');
});

for (const [kind, path] of [
  ['HLS through hls.js', '/hls/index.m3u8'],
  ['FLV through mpegts.js', '/stream.flv'],
] as const) {
  test(`${kind} plays in the preview from a local origin and reports its resolution`, async ({ page, host }) => {
    await openLibrary(page, host.url);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add media' });
    await dialog.getByRole('textbox', { name: 'URL' }).fill(`${media.origin}${path}`);
    await dialog.getByRole('checkbox', { name: 'Probe the URL after adding' }).uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await page.getByTestId('media-detail').getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('preview-facts')).toContainText('resolution 320×240');
    await expect(page.getByTestId('preview-error')).toHaveCount(0);
    // Played through Media Source (a blob: URL), not handed to <video> directly.
    expect(await page.getByTestId('preview-video').evaluate((element: HTMLVideoElement) => element.currentSrc.startsWith('blob:'))).toBe(
      true,
    );
  });
}

test('10,000 entries: filtering as you type, sorting and keyboard navigation stay in a virtualized list', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-e2e-10k-'));
  await seedMediaLibrary(dataDir, 10_000);
  const host = await startHost({ dataDir });
  try {
    await openLibrary(page, host.url);
    await expect(page.getByTestId('media-count')).toHaveText('10,000 of 10,000 entries');
    // Virtualized: only the rows in view are in the DOM.
    expect(await page.getByTestId('media-row').count()).toBeLessThan(60);

    const search = page.getByTestId('media-search');
    await search.pressSequentially('concert 99');
    // "concert" is one of 12 words for the first and second word; " 99" narrows to ids containing 99.
    const expected = expectedMatches(10_000, ['concert', '99']);
    await expect(page.getByTestId('media-count')).toHaveText(`${expected.toLocaleString('en')} of 10,000 entries`);
    for (const name of await page.getByTestId('media-row-name').allTextContents()) expect(name.toLowerCase()).toContain('concert');

    await search.fill('#sports');
    const rows = page.getByTestId('media-row');
    await expect(rows.first()).toBeVisible();

    // Sort by name, then walk the list with the keyboard past the first screen: the active row follows.
    await search.fill('');
    await page.getByRole('combobox', { name: 'Sort by' }).click();
    await page.getByRole('option', { name: 'Name' }).click();
    const list = page.getByRole('listbox', { name: 'Library entries' });
    await list.focus();
    await page.keyboard.press('End');
    await expect(list).toHaveAttribute('aria-activedescendant', /media-row-seed-/);
    const lastId = await list.getAttribute('aria-activedescendant');
    await expect(page.locator(`#${lastId}`)).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('media-detail-url')).toContainText('example.com');
  } finally {
    await host.stop();
  }
});

test('a corrupt media.json left by an earlier version is kept aside at the import and reported on the library screen', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-e2e-corrupt-'));
  await writeFile(join(dataDir, 'media.json'), '{"version": 1, "data": {"entries": [ broken');
  const host = await startHost({ dataDir });
  try {
    await openLibrary(page, host.url);
    await expect(page.getByTestId('media-store-problem')).toContainText('json-before-database/media.json');
    await expect(page.getByTestId('media-count')).toHaveText('0 of 0 entries');
  } finally {
    await host.stop();
  }
});

test('the library screen has no accessibility violations, and follows a switch to Chinese', async ({ page, host, request }) => {
  await openLibrary(page, host.url);
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import media' });
  await dialog
    .getByRole('textbox', { name: 'Paste URLs or file content' })
    .fill('https://cdn.example.com/a.mp4\nrtmp://live.example.com/app/b');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toBeVisible();
  // The footer's Close (the title bar's X is named Close too).
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('media-row').first().click();
  const results = await new AxeBuilder({ page }).include('main').analyze();
  expect(results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.html}`))).toEqual([]);

  await request.post(`${host.origin}/rpc/system.updateSettings`, {
    data: { language: 'zh-CN' },
    headers: { Authorization: `Bearer ${host.token}` },
  });
  await expect(page.getByRole('heading', { name: '媒体库' })).toBeVisible();
  await expect(page.getByTestId('media-count')).toHaveText('显示 2 / 共 2 条');
  await expect(page.getByTestId('preview-rtmp').or(page.getByRole('button', { name: '预览' }))).toBeVisible();
});

/** How many seeded entries contain every word (same rule as the page: name, URL, notes, tags). */
function expectedMatches(count: number, words: string[]): number {
  const names = ['morning', 'news', 'sports', 'replay', 'concert', 'lecture', 'trailer', 'promo', 'weather', 'keynote', 'match', 'studio'];
  const tags = ['live', 'vod', 'promo', 'news', 'sports', 'music', 'backup', 'archive'];
  let matches = 0;
  for (let i = 0; i < count; i++) {
    const a = names[i % names.length];
    const b = names[(i * 7) % names.length];
    const key = [
      `${a} ${b} ${i}`,
      `https://cdn${i % 9}.example.com/${a}/${b}-${i}.${i % 3 === 0 ? 'm3u8' : 'mp4'}`,
      i % 5 === 0 ? `Segment ${i} of the ${b} series` : '',
      tags[i % tags.length],
      tags[(i * 3 + 1) % tags.length],
    ]
      .join('\u0001')
      .toLowerCase();
    if (words.every((word) => key.includes(word))) matches++;
  }
  return matches;
}
