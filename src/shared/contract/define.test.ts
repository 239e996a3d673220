import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { call, returns } from './define';
import { contract } from './index';

describe('call', () => {
  test('builds an input schema given as a function once, the first time it is read', () => {
    let built = 0;
    const spec = call(() => {
      built += 1;
      return z.object({ id: z.string().max(10) }).strict();
    }, returns<string>());
    expect(built).toBe(0);
    expect(spec.input.safeParse({ id: 'a' }).success).toBe(true);
    expect(spec.input.safeParse({ id: 'a', extra: 1 }).success).toBe(false);
    expect(spec.input).toBe(spec.input);
    expect(built).toBe(1);
  });

  test('keeps a schema given as it is', () => {
    const schema = z.object({}).strict();
    expect(call(schema, returns<void>()).input).toBe(schema);
  });

  test('every contract entry yields a zod schema', () => {
    for (const methods of Object.values(contract)) for (const spec of Object.values(methods)) expect(spec.input).toBeInstanceOf(z.ZodType);
  });
});
