/**
 * How fast the media library answers a keystroke in its search box with 10,000 entries.
 * 1. The pure filter (src/shared/media/filter.ts) over prepared rows, in Node.
 * 2. In Chromium against a browser host holding 10,000 entries: from the input event to the list's
 *    DOM being updated (React commit), and to the next animation frame (what the user sees).
 * Prints median/p95 and writes bench-results/media-filter.json. Asserts only correctness, never time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { expect, test } from 'vitest';
import { startHost } from '../e2e/support/host';
import { makeMediaEntries, seedMediaLibrary } from '../e2e/support/media-library';
import { filterRows, sortRows, toSearchRows } from '../src/shared/media/filter';
import { type Figure, report, summarise } from './report';
import { clearKeychainNamespace } from './support/app-host';

const count = 10_000;
/** Typed one character at a time, as a user would. */
const queries = ['morning news 12', '#sports', 'cdn3 replay', 'keynote.m3u8', 'zzz-no-match'];
const figures: Figure[] = [];

function keystrokes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
}

test('pure filter over 10,000 entries', () => {
  const entries = makeMediaEntries(count);
  const prepare: number[] = [];
  const sort: number[] = [];
  for (let round = 0; round < 20; round++) {
    // Fresh entry objects each round: the row cache must not hide the cold cost.
    const fresh = entries.map((entry) => ({ ...entry }));
    let start = performance.now();
    const rows = toSearchRows(fresh);
    prepare.push(performance.now() - start);
    start = performance.now();
    sortRows(rows, 'name');
    sort.push(performance.now() - start);
  }
  const rows = sortRows(toSearchRows(entries), 'added');
  const samples: number[] = [];
  for (let round = 0; round < 30; round++) {
    for (const query of queries) {
      for (const typed of keystrokes(query)) {
        const start = performance.now();
        filterRows(rows, typed);
        samples.push(performance.now() - start);
      }
    }
  }
  expect(filterRows(rows, '#sports').every((entry) => entry.tags.some((tag) => tag.startsWith('sports')))).toBe(true);
  figures.push(
    summarise('filter one keystroke (10k, pure)', 'ms', samples, '< 16 ms'),
    summarise('prepare search keys (10k, cold; cached per entry after)', 'ms', prepare),
    summarise('sort by name (10k, on change)', 'ms', sort),
  );
});

test('keystroke to rendered result in Chromium, 10,000 entries', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'ingest-desk-bench-media-'));
  await seedMediaLibrary(dataDir, count);
  const host = await startHost({ dataDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Media library' }).click();
    await page.getByText(`${count.toLocaleString('en')} of ${count.toLocaleString('en')} entries`).waitFor();

    const commit: number[] = [];
    const frame: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const query of queries) {
        // Runs in the page; a string so this Node-typed file needs no DOM types.
        const result = (await page.evaluate(`(${measureInPage.toString()})(${JSON.stringify(keystrokes(query))})`)) as {
          commit: number[];
          frame: number[];
          finalCount: string;
          lateCommits: number;
        };
        expect(result.lateCommits).toBe(0);
        commit.push(...result.commit);
        frame.push(...result.frame);
        const expected = filterRows(toSearchRows(makeMediaEntries(count)), query).length;
        expect(result.finalCount).toBe(`${expected.toLocaleString('en')} of ${count.toLocaleString('en')} entries`);
      }
    }
    figures.push(
      summarise('keystroke to DOM updated (Chromium, 10k)', 'ms', commit, '< 16 ms'),
      summarise('keystroke to next frame (Chromium, 10k)', 'ms', frame, '< 16.7 ms'),
    );
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
    await clearKeychainNamespace(host.keychainService);
  }
  report('media-filter', figures);
});

/**
 * For each prefix: set the search box's value as typing does, dispatch `input`, then time until the
 * DOM shows the new count (React flushes a discrete event's update in a microtask) and until the next
 * animation frame. Each keystroke starts right after a frame, as a real key press lands mid-frame.
 */
async function measureInPage(prefixes: string[]) {
  const doc = (globalThis as unknown as { document: { querySelector(selector: string): { textContent: string } | null } }).document;
  const raf = (globalThis as unknown as { requestAnimationFrame(callback: () => void): number }).requestAnimationFrame;
  const input = doc.querySelector('[data-testid="media-search"]') as unknown as { dispatchEvent(event: Event): boolean };
  const counter = doc.querySelector('[data-testid="media-count"]');
  const proto = (globalThis as unknown as { HTMLInputElement: { prototype: object } }).HTMLInputElement.prototype;
  const setValue = Object.getOwnPropertyDescriptor(proto, 'value')?.set as (this: unknown, value: string) => void;
  const commit: number[] = [];
  const frame: number[] = [];
  /** Keystrokes whose count was not yet in the DOM after the microtask (the commit figure would be wrong). */
  let lateCommits = 0;
  let finalCount = '';
  for (const prefix of prefixes) {
    await new Promise<void>((resolve) => raf(() => setTimeout(resolve, 0)));
    const start = performance.now();
    setValue.call(input, prefix);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await Promise.resolve();
    const committed = performance.now();
    const atCommit = counter?.textContent ?? '';
    await new Promise<void>((resolve) => raf(() => resolve()));
    const framed = performance.now();
    finalCount = counter?.textContent ?? '';
    if (atCommit !== finalCount) lateCommits++;
    commit.push(committed - start);
    frame.push(framed - start);
  }
  setValue.call(input, '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise<void>((resolve) => raf(() => resolve()));
  return { commit, frame, finalCount, lateCommits };
}
