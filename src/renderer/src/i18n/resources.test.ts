import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from './resources';
import { missingKeysInCode, sourceFiles, type Tree, translationProblems } from './translation-checks';

describe('translations', () => {
  it('has every English string in Chinese and no extra ones, none empty, the same placeholders and every plural form', () => {
    expect(translationProblems(resources.en, resources['zh-CN'], 'zh-CN')).toEqual([]);
  });

  it('has every key the page asks for with a literal', () => {
    const root = join(__dirname, '..');
    const files = sourceFiles(root).map((path) => ({ path: path.slice(root.length + 1), text: readFileSync(path, 'utf8') }));
    expect(files.length).toBeGreaterThan(40);
    expect(missingKeysInCode(files, resources.en as unknown as Record<string, Tree>)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const en = { a: { b: { c: 'C {{n}}' } }, items_one: '{{count, number}} item', items_other: '{{count, number}} items', d: 'D' };

  it('catch a nested key missing from either language', () => {
    expect(translationProblems(en, { a: { b: {} }, items_one: 'x', items_other: 'x', d: 'D' }, 'zh-CN')).toContain('zh-CN lacks a.b.c');
    expect(translationProblems({ a: { b: {} }, d: 'D' }, { a: { b: { c: 'x' } }, d: 'D' }, 'zh-CN')).toContain('en lacks a.b.c');
  });

  it('catch a missing plural form and a placeholder that drifted', () => {
    const zh = { a: { b: { c: 'C {{m}}' } }, items_one: '{{count, number}} 项', d: 'D' };
    const problems = translationProblems(en, zh, 'zh-CN');
    expect(problems).toContain('zh-CN lacks items_other');
    expect(problems).toContain('zh-CN lacks items_other');
    expect(problems).toContain('zh-CN a.b.c has placeholders [m], en has [n]');
    expect(translationProblems({ only_other: 'x' }, { only_other: 'x' }, 'zh-CN')).toContain('en lacks only_one');
  });

  it('catch an empty string and a key used in code that no language has', () => {
    expect(translationProblems({ d: 'D' }, { d: ' ' }, 'zh-CN')).toContain('zh-CN d is empty or not a string');
    const files = [
      {
        path: 'X.tsx',
        text:
          "const { t } = useTranslation('media'); t('a.b.c'); t('items'); t('a.nope'); t('other:d'); t(`a.$" + '{x}`); t(`zz.$' + '{x}`)',
      },
    ];
    expect(missingKeysInCode(files, { media: en, other: {} })).toEqual(['X.tsx: a.nope', 'X.tsx: other:d', 'X.tsx: zz.…']);
  });
});
