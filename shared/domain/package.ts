import { z } from 'zod';
import { rupiahSchema } from '../util/money.js';
import { idSchema, optionalText, text } from './common.js';

/** An internet package ("paket"): what the customer pays monthly and which router profile enforces it. */
export const packageSchema = z.object({
  id: idSchema,
  name: z.string(),
  price: z.number().int(),
  routerProfile: z.string(),
  rateLimit: z.string(),
  active: z.boolean(),
  /** Null for a role that does not see the business's numbers (SEES_REVENUE). */
  customerCount: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Package = z.infer<typeof packageSchema>;

/** MikroTik rate-limit syntax, e.g. "10M/10M" or "5M/20M 10M/30M 4M/15M 8/8" (burst); kept loose but bounded. */
const rateLimitSchema = z
  .string()
  .trim()
  .max(120, 'validation.tooLong')
  .regex(/^[0-9kKmMgG/ ]*$/, 'validation.rateLimit');

const packageFields = {
  name: text(80),
  price: rupiahSchema,
  routerProfile: optionalText(64),
  rateLimit: rateLimitSchema,
  active: z.boolean(),
};
export const packageInputSchema = z.object({
  ...packageFields,
  routerProfile: packageFields.routerProfile.default(''),
  rateLimit: packageFields.rateLimit.default(''),
  active: packageFields.active.default(true),
});
export const packageUpdateSchema = z.object(packageFields).partial().extend({ id: idSchema });
