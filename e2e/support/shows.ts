import { expect, type Locator, type Page } from '@playwright/test';
import type { Cue, ShowDraft, ShowTask, StoredShow } from '../../src/shared/shows/show-schema';
import { test } from '../fixtures';
import type { RunningHost } from './host';
import { rpc } from './rpc';

/** What the shows specs share: opening the screen, picking a Select, seeding a show, finding a cue. */

let pageErrors: string[] = [];

/** An exception in the page (a render that threw) fails the test that caused it. Call once at the top of a spec. */
export function failOnPageErrors(): void {
  test.beforeEach(() => {
    pageErrors = [];
  });
  test.afterEach(() => {
    expect(pageErrors).toEqual([]);
  });
}

export async function openShows(page: Page, host: RunningHost): Promise<void> {
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.url);
  await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
  await page.locator('nav [data-screen="shows"]').click();
  await expect(page.getByRole('heading', { name: 'Shows', level: 2 })).toBeVisible();
}

export async function openShow(page: Page, host: RunningHost, name: string, tab: 'Run-sheet' | 'Pre-flight' | 'Run'): Promise<void> {
  await openShows(page, host);
  await page.getByRole('article', { name }).getByTestId('show-open').click();
  await page.getByRole('tab', { name: tab }).click();
}

/** Picks an option of a Mantine Select found by its label inside `scope`. */
export async function choose(page: Page, scope: Locator | Page, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export const cueCard = (page: Page, number: number) => page.getByRole('region', { name: `Cue ${number}`, exact: true });

/** A cue's row in the run view; its `data-state` is main's state of the cue. */
export const cueState = (page: Page, cueId: string) => page.locator(`[data-testid="run-cue"][data-cue-id="${cueId}"]`);

/** Saves a show through the contract; cues get the ids c1, c2, … in order. */
export async function saveShow(
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

export function draftOf(show: StoredShow): ShowDraft {
  const { id: _id, revision: _revision, createdAt: _c, updatedAt: _u, ...draft } = show;
  return draft;
}
