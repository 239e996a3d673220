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

// A planted file's import of `name`, used, so that only an import rule can fail it.
const uses = (name: string, from: string) => `import { ${name} } from '${from}';\nvoid ${name};`;
const usesType = (name: string, from: string) => `import type { ${name} } from '${from}';\nexport type Used = ${name};`;

describe('layer rules', () => {
  it.each([
    ['a service importing electron', 'src/main/tasks/planted-layer.ts', uses('app', 'electron')],
    ['the page importing main', 'src/renderer/src/planted-layer.ts', uses('systemScheduler', '../../main/tasks/scheduler')],
    ['shared importing main', 'src/shared/planted-layer.ts', uses('systemClock', '../main/app/clock')],
    ['shared importing the page', 'src/shared/planted-layer.ts', uses('useNow', '../renderer/src/features/tasks/use-now')],
    [
      'production code importing a test-support fake',
      'src/main/tasks/planted-layer.ts',
      uses('boardService', './test-support/board-service'),
    ],
    [
      "a domain importing another domain's service",
      'src/main/launch/planted-layer.ts',
      usesType('PresetService', '../presets/preset-service'),
    ],
    ["a domain importing another domain's store", 'src/main/tasks/planted-layer.ts', uses('tasksRecords', '../launch/task-registry')],
  ])('refuses %s', (_what, path, source) => {
    const { failed, output } = lint(path, source);
    expect(failed, output).toBe(true);
    expect(output).toContain('noRestrictedImports');
  });

  it.each([
    ['the shell importing electron', 'src/main/shell/planted-layer.ts', uses('app', 'electron')],
    ['a test importing a test-support fake', 'src/main/tasks/planted-layer.test.ts', uses('boardService', './test-support/board-service')],
    ['the page importing the preload’s api types', 'src/renderer/src/planted-layer.ts', usesType('DesktopApi', '../../preload/api-types')],
    ["a domain importing another domain's ports", 'src/main/tasks/planted-layer.ts', usesType('Launcher', '../launch/launch-ports')],
    [
      "the composition root importing a domain's service",
      'src/main/app/planted-layer.ts',
      usesType('PresetService', '../presets/preset-service'),
    ],
  ])('allows %s', (_what, path, source) => {
    const { failed, output } = lint(path, source);
    expect(failed, output).toBe(false);
  });
});
