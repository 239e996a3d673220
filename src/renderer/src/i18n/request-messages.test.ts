import { describe, expect, it } from 'vitest';
import { requestMessageKeys } from '../../../shared/trtc/requests';
import { resources } from './resources';

function lookup(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), tree);
}

describe('request schema messages', () => {
  it.each(requestMessageKeys)('%s is translated in every language', (key) => {
    for (const language of ['en', 'zh-CN'] as const) {
      const text = lookup(resources[language].requests, key);
      expect(typeof text, `${language} ${key}`).toBe('string');
    }
  });
});
