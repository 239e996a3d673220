import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Checks the translations test runs (kept apart so the test can also check them). */
export type Tree = Record<string, unknown>;

function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of leaves(child, prefix ? `${prefix}.${key}` : key)) found.set(path, leaf);
    }
  } else {
    found.set(prefix, value);
  }
  return found;
}

/** `{{name}}` and `{{name, format}}`, as "name" and "name,format", sorted. */
function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/{{\s*([\w.]+)\s*(?:,\s*([\w]+)\s*)?}}/g)].map((m) => (m[2] ? `${m[1]},${m[2]}` : `${m[1]}`)).sort();
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every problem between two languages' trees: missing or extra keys, empty strings, placeholder drift, plural forms. */
export function translationProblems(en: Tree, other: Tree, otherLanguage: string): string[] {
  const problems: string[] = [];
  const enLeaves = leaves(en);
  const otherLeaves = leaves(other);
  for (const key of enLeaves.keys()) if (!otherLeaves.has(key)) problems.push(`${otherLanguage} lacks ${key}`);
  for (const key of otherLeaves.keys()) if (!enLeaves.has(key)) problems.push(`en lacks ${key}`);
  for (const [language, tree] of [
    ['en', enLeaves],
    [otherLanguage, otherLeaves],
  ] as const) {
    for (const [key, value] of tree) {
      if (typeof value !== 'string' || value.trim() === '') problems.push(`${language} ${key} is empty or not a string`);
    }
    // A plural key needs every form the language's plural rules use (en: one, other; zh: other).
    const bases = new Set([...tree.keys()].filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')));
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const base of bases) {
      for (const category of categories) if (!tree.has(`${base}_${category}`)) problems.push(`${language} lacks ${base}_${category}`);
    }
  }
  for (const [key, value] of enLeaves) {
    if (!otherLeaves.has(key)) continue;
    const expected = placeholders(value).join(' ');
    const actual = placeholders(otherLeaves.get(key)).join(' ');
    if (expected !== actual) problems.push(`${otherLanguage} ${key} has placeholders [${actual}], en has [${expected}]`);
  }
  return problems;
}

/** Source files of the page. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function has(tree: Tree, path: string): boolean {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Tree)[part];
  }
  return node !== undefined;
}

/**
 * Keys the code asks for with a literal (`t('a.b')`, `t('ns:a.b')`) that no language has: they
 * would show as raw keys. A key counts as present as a leaf, or through its plural forms; a
 * template key (`t(\`status.${s}\`)`) needs its fixed prefix to exist.
 */
export function missingKeysInCode(files: { path: string; text: string }[], tree: Record<string, Tree>): string[] {
  const missing: string[] = [];
  for (const { path, text } of files) {
    const declared = [...text.matchAll(/useTranslation\(\s*'([\w-]+)'/g)].map((m) => m[1] as string);
    const namespaces = declared.length > 0 ? declared : ['common'];
    const exists = (raw: string, prefixOnly: boolean) => {
      const [ns, key] = raw.includes(':') ? (raw.split(':', 2) as [string, string]) : [null, raw];
      const candidates = ns ? [ns] : namespaces;
      return candidates.some((candidate) => {
        const root = tree[candidate];
        if (!root) return false;
        if (prefixOnly) return has(root, key.replace(/\.$/, ''));
        return has(root, key) || has(root, `${key}_other`);
      });
    };
    for (const match of text.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) {
      const key = match[1] as string;
      if (!exists(key, false)) missing.push(`${path}: ${key}`);
    }
    for (const match of text.matchAll(/\bt\(\s*`([\w.:-]+)\$\{/g)) {
      const prefix = match[1] as string;
      if (prefix.endsWith('.') && !exists(prefix, true)) missing.push(`${path}: ${prefix}…`);
    }
  }
  return missing;
}
