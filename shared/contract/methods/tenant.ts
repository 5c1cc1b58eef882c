import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE, OWNER_ONLY } from '../../domain/roles.js';
import { tenantSchema, tenantUpdateSchema } from '../../domain/tenant.js';

export const tenantMethods = {
  'tenant.get': method({
    input: z.object({}).strict(),
    output: tenantSchema,
    roles: ANY_ROLE,
    access: 'read',
  }),
  'tenant.update': method({
    input: tenantUpdateSchema.strict(),
    output: tenantSchema,
    roles: OWNER_ONLY,
    access: 'write',
  }),
};
