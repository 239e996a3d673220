import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/security.md's checklist points at lines of code (`file.ts:12-20`). Each pointer must land on
 * lines that name something its row names in backticks, so the table cannot drift from the code unseen.
 */
const root = join(import.meta.dirname, '../../..');
const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
const rows = doc.split('\n').filter((line) => /^\| \d+ \|/.test(line));
const reference = /`((?:[\w.-]+\/)*[\w.-]+\.(?:ts|cjs|mjs))?:(\d+)(?:-(\d+))?`/g;

// Too common to tell one line from another.
const common = new Set(['false', 'true', 'self', 'none', 'https', 'http']);

function names(row: string): string[] {
  const quoted = [...row.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
  return [...new Set(quoted.flatMap((text) => text.split(/[^\w-]+/)).filter((word) => word.length >= 6 && !common.has(word)))];
}

describe('docs/security.md', () => {
  it('has the checklist', () => {
    expect(rows).toHaveLength(20);
  });

  it.each(rows.map((row) => [row.split('|')[1]?.trim(), row] as const))(
    'row %s points at lines that hold what it names',
    (_number, row) => {
      const words = names(row);
      let file: string | undefined;
      for (const [, path, from, to] of row.matchAll(reference)) {
        file = path ?? file;
        if (!file) throw new Error(`a line reference without a file in: ${row}`);
        const lines = readFileSync(join(root, file), 'utf8').split('\n');
        const first = Number(from);
        const last = Number(to ?? from);
        expect(last, `${file}:${first}-${last} is past the end`).toBeLessThanOrEqual(lines.length);
        const text = lines.slice(first - 1, last).join('\n');
        expect(
          words.filter((word) => text.includes(word)),
          `${file}:${first}${to ? `-${to}` : ''} holds none of ${words.join(', ')}:\n${text}`,
        ).not.toEqual([]);
      }
    },
  );
});
