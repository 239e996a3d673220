import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * The contract's own zod schema as a react-hook-form resolver, after `clean` has shaped the form's
 * values into the call's input (empty optional secrets become "absent", edit-only fields are dropped).
 */
export function contractResolver<V extends FieldValues>(schema: z.ZodType, clean: (values: V) => unknown): Resolver<V> {
  const resolve = zodResolver(schema as never) as unknown as Resolver<FieldValues>;
  return (async (values, context, options) => {
    const result = await resolve(clean(values as V) as FieldValues, context, options as never);
    return result.errors && Object.keys(result.errors).length > 0 ? result : { values, errors: {} };
  }) as Resolver<V>;
}

export const emptyToUndefined = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);
