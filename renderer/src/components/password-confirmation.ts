import type { z } from 'zod';

/**
 * A new password typed twice: the `confirm` box must repeat `field`. Zod runs this refinement
 * alongside the fields' own rules, so a slip in the second box shows in the same round as the rest.
 */
export function withConfirmation<K extends string, S extends z.ZodType<Record<K | 'confirm', string>>>(schema: S, field: K): S {
  return schema.refine((values) => values.confirm === values[field], { path: ['confirm'], message: 'validation.mismatch' });
}
