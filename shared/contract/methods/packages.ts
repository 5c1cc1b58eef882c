import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE, MANAGERS } from '../../domain/roles.js';
import { packageInputSchema, packageSchema, packageUpdateSchema } from '../../domain/package.js';

export const packageMethods = {
  'packages.list': method({
    input: z.object({ includeInactive: z.boolean().default(true) }).strict(),
    output: z.array(packageSchema),
    roles: ANY_ROLE,
    access: 'read',
    feature: 'customers',
  }),
  'packages.create': method({
    input: packageInputSchema.strict(),
    output: packageSchema,
    roles: MANAGERS,
    access: 'write',
    feature: 'customers',
  }),
  'packages.update': method({
    input: packageUpdateSchema.strict(),
    output: packageSchema,
    roles: MANAGERS,
    access: 'write',
    feature: 'customers',
  }),
};
