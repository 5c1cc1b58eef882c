import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorKeys } from '../../shared/contract/validation-errors.js';

const schema = z
  .object({
    name: z.string().min(1).max(5),
    phone: z.string().refine(() => false, 'validation.phone'),
    age: z.number().int().min(1).max(99),
    role: z.enum(['owner', 'admin']).optional(),
    nested: z.object({ day: z.number() }).strict(),
  })
  .strict();

const keysFor = (input: unknown) => {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected a failure');
  return fieldErrorKeys(result.error);
};

describe('fieldErrorKeys', () => {
  it('maps each issue kind to a translatable key on its field', () => {
    expect(keysFor({ name: 'toolong', phone: 'x', age: 0, nested: { day: 'x' } })).toEqual({
      name: 'validation.tooLong',
      phone: 'validation.phone',
      age: 'validation.tooSmall',
      'nested.day': 'validation.invalidType',
    });
  });

  it('tells a missing field from a field of the wrong type', () => {
    const keys = keysFor({ name: 5 });
    expect(keys.name).toBe('validation.invalidType');
    expect(keys.age).toBe('validation.required');
  });

  it('a missing enum value is required, a wrong one is invalid', () => {
    expect(keysFor({ role: undefined }).role).toBeUndefined();
    expect(keysFor({ role: 'root' }).role).toBe('validation.invalid');
    const strictRole = z.object({ role: z.enum(['owner', 'admin']) });
    const missing = strictRole.safeParse({}, { reportInput: true });
    expect(missing.success || fieldErrorKeys(missing.error)).toEqual({ role: 'validation.required' });
  });

  it('names each unknown field, also inside nested objects', () => {
    const keys = keysFor({ name: 'a', phone: 'x', age: 1, nested: { day: 1, extra: 1 }, admin: true });
    expect(keys.admin).toBe('validation.unknownField');
    expect(keys['nested.extra']).toBe('validation.unknownField');
  });

  it('puts an error about the whole input under "_"', () => {
    expect(keysFor(42)).toEqual({ _: 'validation.invalidType' });
  });
});
