import { z } from 'zod';
import { idSchema, optionalText, text } from './common.js';
import { localDateSchema } from './billing.js';

/** A customer auto-isolir leaves alone (family, the village office), and who decided it, when and why. */
export const exemptionSchema = z.object({
  customerId: idSchema,
  customerName: z.string().nullable(),
  customerCode: z.string().nullable(),
  reason: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});
export type Exemption = z.infer<typeof exemptionSchema>;

export const exemptionSetSchema = z.object({ customerId: idSchema, reason: text(200) }).strict();

export const PROMISE_STATUSES = ['active', 'kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/** "Janji bayar": an isolated customer promised to pay by a day and is connected until then. */
export const paymentPromiseSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  customerName: z.string().nullable(),
  invoiceId: idSchema,
  promisedDate: localDateSchema,
  note: z.string(),
  status: z.enum(PROMISE_STATUSES),
  createdBy: z.string(),
  createdAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type PaymentPromise = z.infer<typeof paymentPromiseSchema>;

export const promiseCreateSchema = z.object({ customerId: idSchema, promisedDate: localDateSchema, note: optionalText(200).default('') }).strict();

/**
 * The reminder schedule and the promise limits. A reminder day is counted from the due date
 * (-3: three days before, 0: on the day, 2: two days after); the overdue notice (invoice_overdue)
 * goes once, the day after the due date, whatever the schedule.
 */
export const loopSettingsSchema = z.object({
  reminderDays: z.array(z.number().int().min(-30, 'validation.tooSmall').max(30, 'validation.tooBig')).max(10, 'validation.tooMany'),
  promiseMaxDays: z.number().int().min(1, 'validation.tooSmall').max(60, 'validation.tooBig'),
  promiseMaxPerWindow: z.number().int().min(1, 'validation.tooSmall').max(10, 'validation.tooBig'),
  promiseWindowDays: z.number().int().min(7, 'validation.tooSmall').max(365, 'validation.tooBig'),
});
export type LoopSettings = z.infer<typeof loopSettingsSchema>;

export const DEFAULT_LOOP_SETTINGS: LoopSettings = { reminderDays: [-3, -1, 0], promiseMaxDays: 7, promiseMaxPerWindow: 2, promiseWindowDays: 90 };
