import { z } from 'zod';
import { normalizePhone } from '../util/phone.js';
import { cursorSchema, idSchema, optionalText, pageLimitSchema, text } from './common.js';

export const CUSTOMER_STATUSES = ['active', 'isolated', 'inactive'] as const;
export const customerStatusSchema = z.enum(CUSTOMER_STATUSES);
export type CustomerStatus = z.infer<typeof customerStatusSchema>;

export const SERVICE_TYPES = ['pppoe', 'hotspot'] as const;
export const serviceTypeSchema = z.enum(SERVICE_TYPES);

export const customerSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  packageId: idSchema,
  packageName: z.string(),
  packagePrice: z.number().int(),
  routerId: idSchema.nullable(),
  routerName: z.string().nullable(),
  serviceType: serviceTypeSchema,
  username: z.string(),
  billingDay: z.number().int(),
  status: customerStatusSchema,
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

/** Accepts 08xx, +62 and 62 forms and stores E.164; anything else is a field error next to "phone". */
export const phoneInputSchema = z
  .string()
  .max(32, 'validation.phone')
  .transform((value, ctx) => {
    const e164 = normalizePhone(value);
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' });
      return z.NEVER;
    }
    return e164;
  });

/** PPPoE secret / hotspot user names as RouterOS accepts them. */
const routerUsernameSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(64, 'validation.tooLong')
  .regex(/^[A-Za-z0-9._@-]+$/, 'validation.routerUsername');

const customerFields = {
  name: text(120),
  phone: phoneInputSchema,
  address: optionalText(300),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  packageId: idSchema,
  routerId: idSchema.nullable(),
  serviceType: serviceTypeSchema,
  username: routerUsernameSchema,
  billingDay: z.number().int().min(1, 'validation.billingDay').max(28, 'validation.billingDay'),
  notes: optionalText(2000),
};

export const customerCreateSchema = z.object({
  ...customerFields,
  address: customerFields.address.default(''),
  latitude: customerFields.latitude.default(null),
  longitude: customerFields.longitude.default(null),
  routerId: customerFields.routerId.default(null),
  serviceType: customerFields.serviceType.default('pppoe'),
  notes: customerFields.notes.default(''),
});
/** A patch: only the fields sent are changed. */
export const customerUpdateSchema = z.object(customerFields).partial().extend({ id: idSchema });

export const customerListSchema = z.object({
  // SQLite's full-text MATCH stops at a NUL and fails on the rest: no one types one, so it is refused.
  query: z.string().trim().max(100, 'validation.tooLong').refine((q) => !q.includes('\0'), 'validation.invalid').default(''),
  status: customerStatusSchema.nullable().default(null),
  packageId: idSchema.nullable().default(null),
  cursor: cursorSchema,
  limit: pageLimitSchema,
});

export const customerPageSchema = z.object({
  items: z.array(customerSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
