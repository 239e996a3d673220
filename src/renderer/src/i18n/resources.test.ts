import { describe, expect, it } from 'vitest';
import { resources } from './resources';

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

describe('translations', () => {
  const en = leaves(resources.en);
  const zh = leaves(resources['zh-CN']);

  it('has every English string in Chinese and no extra ones', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('has no empty string and keeps the same interpolation placeholders', () => {
    for (const [key, value] of en) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
      const placeholders = (text: unknown) => [...String(text).matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      expect(placeholders(zh.get(key)), key).toEqual(placeholders(value));
    }
  });
});
