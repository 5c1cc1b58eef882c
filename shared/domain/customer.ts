import { z } from 'zod';
import { isIndonesianMobile, normalizePhone } from '../util/phone.js';
import { cursorSchema, idSchema, optionalMultilineText, optionalText, pageLimitSchema, singleLine, text } from './common.js';

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
  /** False for a landline or a foreign number ("tidak ada WhatsApp"): WhatsApp messages never go to it. */
  whatsapp: z.boolean(),
  address: z.string(),
  /** "Wilayah": the part of the village (RT/RW, dusun) as the ISP names it; '' when not given. */
  area: z.string(),
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
/** The number as E.164, or null with the field's issue added. */
function toE164(value: string, ctx: z.RefinementCtx): string | null {
  const e164 = normalizePhone(value);
  if (!e164) ctx.addIssue({ code: 'custom', message: 'validation.phone' });
  return e164 || null;
}

export const phoneInputSchema = z
  .string()
  .max(32, 'validation.phone')
  .transform((value, ctx) => toE164(value, ctx) ?? z.NEVER);

/**
 * A number a WhatsApp message is sent to (a test send, the office's alert recipients): an
 * Indonesian mobile, or a foreign number written with "+" and its country code. Digits without "+"
 * are read as Indonesian, so a US number pasted as 12025550143 would become +62 1202...: only a
 * mobile is accepted that way, never a landline or such a misreading.
 */
export const waRecipientSchema = z
  .string()
  .max(32, 'validation.phone')
  .transform((value, ctx) => {
    const e164 = toE164(value, ctx);
    if (e164 === null) return z.NEVER;
    const international = value.replace(/[^\d+]/g, '').startsWith('+');
    if (isIndonesianMobile(e164) || (international && !e164.startsWith('+62'))) return e164;
    ctx.addIssue({ code: 'custom', message: 'validation.waNumber' });
    return z.NEVER;
  });

/**
 * WhatsApp goes to Indonesian mobiles only: a landline or a foreign number is refused unless the
 * operator marks it "tidak ada WhatsApp" (`whatsapp: false`), so no message goes to a number that
 * cannot receive it (or, worse, to the same digits read with +62). Whether a customer gets WhatsApp
 * is the kind of number stored, not a second column that could disagree with it; so the mark is
 * refused on a mobile, which would get WhatsApp anyway. A patch that changes only the phone is
 * checked by the same rule, with the mark it sends or "has WhatsApp".
 */
export function whatsappMatchesPhone(values: { phone?: unknown; whatsapp?: unknown }, ctx: z.RefinementCtx): void {
  // A phone the field refused reaches here as typed: its own error is the one to show.
  if (typeof values.phone !== 'string' || normalizePhone(values.phone) !== values.phone) return;
  const mobile = isIndonesianMobile(values.phone);
  if (values.whatsapp !== false && !mobile) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'validation.phoneNotMobile' });
  if (values.whatsapp === false && mobile) ctx.addIssue({ code: 'custom', path: ['whatsapp'], message: 'validation.phoneIsMobile' });
}

/** PPPoE secret / hotspot user names as RouterOS accepts them. */
const routerUsernameSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(64, 'validation.tooLong')
  .regex(/^[A-Za-z0-9._@-]+$/, 'validation.routerUsername');

/**
 * The PPPoE / hotspot password the router's account gets. Write-only: sealed when saved, opened only
 * to write the router, never sent back. Empty: none given (a new customer) or unchanged (an edit).
 */
const pppoePasswordSchema = z.string().max(64, 'validation.tooLong').regex(/^\S*$/, 'validation.routerPassword');

/** One line, spaces inside collapsed, so "RT 03 /  RW 05" typed twice is one area. */
export const AREA_MAX = 60;
export const normalArea = (value: string) => singleLine(value).replace(/\s+/g, ' ');
export const areaSchema = z.string().overwrite(normalArea).max(AREA_MAX, 'validation.tooLong');

const customerFields = {
  name: text(120),
  phone: phoneInputSchema,
  whatsapp: z.boolean(),
  address: optionalText(300),
  area: areaSchema,
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  packageId: idSchema,
  routerId: idSchema.nullable(),
  serviceType: serviceTypeSchema,
  username: routerUsernameSchema,
  billingDay: z.number().int().min(1, 'validation.billingDay').max(28, 'validation.billingDay'),
  notes: optionalMultilineText(2000),
};

/** The create input before its cross-field rule: forms extend this (zod refuses to extend a refined object). */
export const customerCreateObject = z.object({
  ...customerFields,
  whatsapp: customerFields.whatsapp.default(true),
  address: customerFields.address.default(''),
  area: customerFields.area.default(''),
  latitude: customerFields.latitude.default(null),
  longitude: customerFields.longitude.default(null),
  routerId: customerFields.routerId.default(null),
  serviceType: customerFields.serviceType.default('pppoe'),
  notes: customerFields.notes.default(''),
  pppoePassword: pppoePasswordSchema.default(''),
});
export const customerCreateSchema = customerCreateObject.superRefine(whatsappMatchesPhone);
/** A patch: only the fields sent are changed. */
export const customerUpdateSchema = z.object(customerFields).partial().extend({ id: idSchema, pppoePassword: pppoePasswordSchema.optional() }).superRefine(whatsappMatchesPhone);

/** What the form has typed so far, to warn of a customer who may be the same person. */
export const customerDuplicatesInputSchema = z.object({
  phone: z.string().max(64).default(''),
  name: z.string().max(200).default(''),
  /** The customer being edited: not a duplicate of themself. */
  exceptId: idSchema.nullable().default(null),
});
export const customerDuplicateSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  phone: z.string(),
  status: customerStatusSchema,
});
export type CustomerDuplicate = z.infer<typeof customerDuplicateSchema>;
/** Customers with the same phone, and with the same name (case and spacing aside): a warning, never a refusal. */
export const customerDuplicatesSchema = z.object({
  phone: z.array(customerDuplicateSchema),
  name: z.array(customerDuplicateSchema),
});

export const customerListSchema = z.object({
  // SQLite's full-text MATCH stops at a NUL and fails on the rest: no one types one, so it is refused.
  query: z.string().trim().max(100, 'validation.tooLong').refine((q) => !q.includes('\0'), 'validation.invalid').default(''),
  status: customerStatusSchema.nullable().default(null),
  packageId: idSchema.nullable().default(null),
  /** Customers of one area (case aside); '' those without one; null everyone. */
  area: areaSchema.nullable().default(null),
  cursor: cursorSchema,
  limit: pageLimitSchema,
});

export const customerPageSchema = z.object({
  items: z.array(customerSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
