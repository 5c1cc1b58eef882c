import { z } from 'zod';
import { addonSchema, featureSchema, limitKeySchema, planSchema } from './plans.js';
import { timeZoneSchema } from '../util/time.js';
import { idSchema, text } from './common.js';

export const TENANT_STATUSES = ['active', 'isolated'] as const;
export const tenantStatusSchema = z.enum(TENANT_STATUSES);
export type TenantStatus = z.infer<typeof tenantStatusSchema>;

export const tenantSchema = z.object({
  id: idSchema,
  name: z.string(),
  timezone: timeZoneSchema,
  plan: planSchema,
  addons: z.array(addonSchema),
  status: tenantStatusSchema,
  features: z.array(featureSchema),
  limits: z.record(limitKeySchema, z.number()),
  usage: z.record(limitKeySchema, z.number()),
});
export type Tenant = z.infer<typeof tenantSchema>;

export const tenantUpdateSchema = z.object({
  name: text(120).optional(),
  timezone: timeZoneSchema.optional(),
});
