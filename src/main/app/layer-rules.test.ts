import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers are lint rules (biome.json's overrides of noRestrictedImports), not a paragraph: a file
// planted in each layer with an import it must not make fails `biome lint`, which `npm test` runs.
// Domains (accounts, launch, log, media, presets, system, tasks) reach each other only through a
// `*-ports` module; only the composition root in src/main/app imports their services.
const root = process.cwd();

function lint(path: string, source: string): { failed: boolean; output: string } {
  const file = join(root, path);
  writeFileSync(file, `${source}\nexport const planted = true;\n`);
  try {
    const result = spawnSync(join(root, 'node_modules/.bin/biome'), ['lint', file], { encoding: 'utf8' });
    return { failed: result.status !== 0, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('layer rules', () => {
  it.each([
    ['a service importing electron', 'src/main/tasks/planted-layer.ts', "import { app } from 'electron';\nvoid app;"],
    [
      'the page importing main',
      'src/renderer/src/planted-layer.ts',
      "import { systemScheduler } from '../../main/tasks/scheduler';\nvoid systemScheduler;",
    ],
    ['shared importing main', 'src/shared/planted-layer.ts', "import { systemClock } from '../main/app/clock';\nvoid systemClock;"],
    [
      'shared importing the page',
      'src/shared/planted-layer.ts',
      "import { useNow } from '../renderer/src/features/tasks/use-now';\nvoid useNow;",
    ],
    [
      'production code importing a test-support fake',
      'src/main/tasks/planted-layer.ts',
      "import { boardService } from './test-support/board-service';\nvoid boardService;",
    ],
    [
      "a domain importing another domain's service",
      'src/main/launch/planted-layer.ts',
      "import type { PresetService } from '../presets/preset-service';\nexport type Presets = PresetService;",
    ],
    [
      "a domain importing another domain's store",
      'src/main/tasks/planted-layer.ts',
      "import { tasksRecords } from '../launch/task-registry';\nvoid tasksRecords;",
    ],
  ])('refuses %s', (_what, path, source) => {
    const { failed, output } = lint(path, source);
    expect(failed, output).toBe(true);
    expect(output).toContain('noRestrictedImports');
  });

  it.each([
    ['the shell importing electron', 'src/main/shell/planted-layer.ts', "import { app } from 'electron';\nvoid app;"],
    [
      'a test importing a test-support fake',
      'src/main/tasks/planted-layer.test.ts',
      "import { boardService } from './test-support/board-service';\nvoid boardService;",
    ],
    [
      'the page importing the preload’s declared api types',
      'src/renderer/src/planted-layer.ts',
      "import type { DesktopApi } from '../../preload/api-types';\nexport type Api = DesktopApi;",
    ],
    [
      "a domain importing another domain's declared ports",
      'src/main/tasks/planted-layer.ts',
      "import type { Launcher } from '../launch/launch-ports';\nexport type Launch = Launcher;",
    ],
    [
      "the composition root importing a domain's service",
      'src/main/app/planted-layer.ts',
      "import type { PresetService } from '../presets/preset-service';\nexport type Presets = PresetService;",
    ],
  ])('allows %s', (_what, path, source) => {
    const { failed, output } = lint(path, source);
    expect(failed, output).toBe(false);
  });
});
