import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const moduleUrl = pathToFileURL(join(import.meta.dirname, 'young-generation.ts')).href;

/**
 * A fresh Node process that keeps 300,000 small objects alive (enough survivors for V8 to grow its
 * young generation several times), optionally after importing the module; prints the young
 * generation's size in bytes.
 */
async function youngGenerationAfterSurvivors(withModule: boolean): Promise<number> {
  const script = `
    ${withModule ? `await import(${JSON.stringify(moduleUrl)});` : ''}
    const { getHeapSpaceStatistics } = await import('node:v8');
    const kept = [];
    for (let i = 0; i < 300000; i++) kept.push({ i, text: 'entry ' + i });
    const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    console.log(young.space_size, kept.length);
  `;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return Number(stdout.split(' ')[0]);
}

describe('young-generation', () => {
  it('keeps V8 from growing the young generation when many objects survive', async () => {
    const [grown, kept] = await Promise.all([youngGenerationAfterSurvivors(false), youngGenerationAfterSurvivors(true)]);
    // Without it V8 doubles the young generation as survivors accumulate; with it the size stays where it started.
    expect(grown).toBeGreaterThan(4 * 2 ** 20);
    expect(kept).toBeLessThanOrEqual(2 * 2 ** 20);
  });
});
