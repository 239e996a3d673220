import { afterEach, describe, expect, it } from 'vitest';
import { quietSdkWarnings } from './sdk-warnings';

describe('quietSdkWarnings', () => {
  const seen: string[] = [];
  const listen = (warning: Error & { code?: string }) => seen.push(warning.code ?? warning.message);
  afterEach(() => {
    process.off('warning', listen);
    seen.length = 0;
  });

  it("drops only node-fetch's url.parse deprecation (DEP0169), in both of emitWarning's forms", async () => {
    quietSdkWarnings();
    process.on('warning', listen);
    process.emitWarning('url.parse() behavior is not standardized', 'DeprecationWarning', 'DEP0169');
    process.emitWarning('url.parse() behavior is not standardized', { type: 'DeprecationWarning', code: 'DEP0169' });
    process.emitWarning('something else', 'DeprecationWarning', 'DEP0999');
    process.emitWarning('a plain warning');
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual(['DEP0999', 'a plain warning']);
  });
});
