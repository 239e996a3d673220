import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { screenIds } from '../src/renderer/src/app/screen-ids';
import { resources } from '../src/renderer/src/i18n/resources';
import { expect, test } from './fixtures';
import type { RunningHost } from './support/host';
import { rpc, sandboxDraft } from './support/rpc';

/**
 * Every screen and the main dialogs, in both languages and both themes, through axe-core with every
 * rule enabled: no serious or critical violation. The data is seeded (a preset, a media entry, a
 * running task on the built-in sandbox) so the screens show their real controls, not empty states.
 */
test.describe.configure({ timeout: 600_000 });

const combinations = [
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
  { language: 'zh-CN', theme: 'light' },
  { language: 'zh-CN', theme: 'dark' },
] as const;

async function seed(host: RunningHost) {
  // A profile of one's own (apps can be added only to those; the sandbox profile is built in).
  await rpc(host, 'accounts.addProfile', {
    name: 'Studio account',
    site: 'international',
    region: 'ap-singapore',
    endpoint: null,
    secretId: `AKID${'a'.repeat(32)}`,
    secretKey: 'b'.repeat(32),
  });
  await rpc(host, 'media.add', { name: 'Morning news', url: 'https://cdn.example.com/news.mp4', tags: ['news'] });
  const preset = await rpc<{ id: string }>(host, 'presets.create', { draft: sandboxDraft('Evening show') });
  const record = await rpc<{ state: string }>(host, 'launch.start', { source: { kind: 'preset', presetId: preset.id } });
  expect(record.state).toBe('started');
  await rpc(host, 'shows.save', {
    draft: {
      name: 'Opening night',
      preflightLeadMinutes: 0,
      notes: '',
      tasks: [{ name: 'Lobby', presetId: preset.id, roomId: '4321' }],
      cues: [
        { id: 'c1', trigger: { kind: 'go' }, action: { kind: 'launch', task: 'Lobby' } },
        { id: 'c2', trigger: { kind: 'offset', seconds: 60 }, action: { kind: 'volume', task: 'Lobby', volume: 40 } },
      ],
    },
  });
}

/** Serious and critical findings, one line each, so a failure says what and where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} ${node.failureSummary ?? ''}`),
    );
}

/** Modals fade and slide in: measure colours only once fully shown. */
async function settled(dialog: Locator) {
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveCSS('opacity', '1');
  await expect.poll(() => dialog.evaluate((element) => getComputedStyle(element).transform)).toMatch(/^(none|matrix\(1, 0, 0, 1, 0, 0\))$/);
}

for (const { language, theme } of combinations) {
  test(`every screen and main dialog passes axe: ${language}, ${theme}`, async ({ page, host }) => {
    const text = resources[language];
    await seed(host);
    await rpc(host, 'system.updateSettings', { language, theme });
    await page.goto(host.url);
    await expect(page.locator('[data-app-state="loaded"]')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);

    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const violations = await seriousViolations(page);
      if (violations.length > 0) {
        found[name] = violations;
        console.log(`${language} ${theme} ${name}:\n  ${violations.join('\n  ')}`);
      }
    };
    const dialog = async (name: string, open: () => Promise<unknown>) => {
      await open();
      const shown = page.getByRole('dialog').last();
      await settled(shown);
      await check(name);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    };

    for (const id of screenIds) {
      await page.locator(`nav [data-screen="${id}"]`).click();
      await expect(page.locator('main h2').first()).toBeVisible();
      if (id === 'tasks') await expect(page.getByTestId('task-card')).toHaveCount(1);
      if (id === 'media') await expect(page.getByTestId('media-row')).toHaveCount(1);
      if (id === 'launch') await expect(page.getByTestId('task-record')).toHaveCount(1);
      await check(`screen ${id}`);

      if (id === 'accounts') {
        await dialog('add profile', () => page.getByRole('button', { name: text.accounts.profiles.add }).click({ timeout: 20_000 }));
        await page.getByRole('tab', { name: text.accounts.tabs.apps }).click();
        await dialog('add app', () => page.getByRole('button', { name: text.accounts.apps.add }).click({ timeout: 20_000 }));
      }
      if (id === 'media') {
        await dialog('media import', () =>
          page.getByRole('button', { name: text.media.actions.import, exact: true }).click({ timeout: 20_000 }),
        );
      }
      if (id === 'shows') {
        await page.getByTestId('show-open').click();
        await expect(page.getByTestId('cue-card')).toHaveCount(2);
        await check('show sheet');
        await page.getByRole('tab', { name: text.shows.tabs.preflight }).click();
        await expect(page.getByTestId('arm-controls')).toBeVisible();
        await check('show pre-flight');
        // A rehearsal under way: the run view with its clock, buttons, faults and cue states.
        const [show] = await rpc<{ id: string }[]>(host, 'shows.list');
        await rpc(host, 'shows.arm', { id: show?.id, mode: 'rehearsal', speed: 60 });
        await rpc(host, 'shows.go', { id: show?.id });
        await rpc(host, 'shows.go', { id: show?.id });
        await expect(page.locator('[data-testid="run-cue"][data-state="done"]')).not.toHaveCount(0);
        await check('show run');
        await dialog('end show', () => page.getByRole('button', { name: text.shows.run.disarm }).click({ timeout: 20_000 }));
        await rpc(host, 'shows.disarm', { id: show?.id });
      }
      if (id === 'presets') {
        await dialog('preset form', () => page.getByRole('button', { name: text.presets.actions.new }).click({ timeout: 20_000 }));
      }
      if (id === 'tasks') {
        await dialog('batch', () => page.getByRole('button', { name: text.tasks.batch.open }).click({ timeout: 20_000 }));
        await dialog('adopt', () => page.getByRole('button', { name: text.tasks.adopt.open }).click({ timeout: 20_000 }));
      }
    }
    await dialog('command palette', () => page.keyboard.press('Control+K'));
    await dialog('shortcuts help', () => page.getByRole('button', { name: text.common.shortcuts.open }).click({ timeout: 20_000 }));

    expect(found).toEqual({});
  });
}
