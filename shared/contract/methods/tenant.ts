import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE, MANAGERS, OFFICE, OWNER_ONLY } from '../../domain/roles.js';
import { tenantProfileSchema, tenantProfileUpdateSchema } from '../../domain/tenant-profile.js';
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
  /** The office prints invoices and receipts with it (finance too); owner and admin change it. */
  'tenant.profile.get': method({
    input: z.object({}).strict(),
    output: tenantProfileSchema,
    roles: OFFICE,
    access: 'read',
  }),
  'tenant.profile.update': method({
    input: tenantProfileUpdateSchema,
    output: tenantProfileSchema,
    roles: MANAGERS,
    access: 'write',
  }),
};
