import { z } from 'zod';
import { idSchema, optionalMultilineText, optionalPhone } from './common.js';
import { isolirMethodSchema } from './router.js';

/**
 * "Siapkan router": what a router needs for its isolir method, compared with what it has. Each item
 * is one thing on the router (a pool, a profile, a firewall rule ...); the screen names it by `key`
 * and shows the RouterOS command it stands for.
 */
export const PREPARE_ITEM_KEYS = [
  'pool',
  'pppProfile',
  'hotspotProfile',
  'filterDnsUdp',
  'filterDnsTcp',
  'filterLanding',
  'filterDrop',
  'natRedirect',
  'radiusClient',
  'radiusIncoming',
  'pppAaa',
] as const;
export const prepareItemKeySchema = z.enum(PREPARE_ITEM_KEYS);
export type PrepareItemKey = z.infer<typeof prepareItemKeySchema>;

/**
 * present: the router has it as we want it ("sudah ada"); add: it will be added; change: it is
 * there but differs (or sits below a rule that would let isolated customers through) and will be
 * changed; manual: a person sets it (RADIUS: the server's address and secret are not ours to know).
 */
export const PREPARE_STATUSES = ['present', 'add', 'change', 'manual'] as const;
export type PrepareStatus = (typeof PREPARE_STATUSES)[number];

/** One field that differs: what the router has (null: nothing) and what the item wants. `place` is the rule's position. */
const prepareChangeSchema = z.object({ field: z.string(), have: z.string().nullable(), want: z.string() });

export const prepareItemSchema = z.object({
  key: prepareItemKeySchema,
  status: z.enum(PREPARE_STATUSES),
  /** The RouterOS terminal command the item stands for, for the technician who wants to see it. */
  command: z.string(),
  changes: z.array(prepareChangeSchema),
});
export type PrepareItem = z.infer<typeof prepareItemSchema>;

const problemSchema = z.object({ code: z.string(), message: z.string() });

export const preparePlanSchema = z.object({
  routerId: idSchema,
  method: isolirMethodSchema,
  /** What the router said it runs, e.g. "7.18.1 (stable)"; null when it could not be read. */
  version: z.string().nullable(),
  /** Where isolated customers' web requests are sent; null: the isolir page is not set up yet. */
  landing: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  items: z.array(prepareItemSchema),
  /** Null: the router answered. Otherwise why not, in plain words (and no items). */
  problem: problemSchema.nullable(),
});
export type PreparePlan = z.infer<typeof preparePlanSchema>;

export const PREPARE_OUTCOMES = ['present', 'added', 'changed', 'manual', 'failed', 'skipped'] as const;
export type PrepareOutcome = (typeof PREPARE_OUTCOMES)[number];

export const prepareResultSchema = z.object({
  routerId: idSchema,
  items: z.array(z.object({ key: prepareItemKeySchema, outcome: z.enum(PREPARE_OUTCOMES), problem: problemSchema.nullable() })),
  /** Null: every item is in place (or left to a person); otherwise the first refusal, in plain words. */
  problem: problemSchema.nullable(),
});
export type PrepareResult = z.infer<typeof prepareResultSchema>;

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** The page switched on needs its address; a page left off may keep it empty. */
export function hostFitsPage(values: { enabled: boolean; host: string }, ctx: z.RefinementCtx): void {
  if (values.enabled && values.host === '') ctx.addIssue({ code: 'custom', path: ['host'], message: 'validation.required' });
}

/**
 * The isolir landing page: the page isolated customers see, served by this computer. Off until
 * switched on; the contact is what the page tells the customer to call or WhatsApp.
 */
export const landingSettingsSchema = z.object({
  enabled: z.boolean(),
  /** This computer's address as the routers reach it; the page listens there. */
  host: z.string(),
  /** 0 only in tests (any free port). */
  port: z.number().int(),
  contactPhone: z.string(),
  paymentNote: z.string(),
});
export type LandingSettings = z.infer<typeof landingSettingsSchema>;

export const landingStatusSchema = landingSettingsSchema.extend({
  /** Where the page answers now (the port chosen when 0 was asked), null while off or failed. */
  listening: z.object({ host: z.string(), port: z.number().int() }).nullable(),
  /** Why it is not listening though enabled (the address is not this computer's, the port is taken), in plain words. */
  problem: z.string().nullable(),
});
export type LandingStatus = z.infer<typeof landingStatusSchema>;

/** The page's settings as saved, before the address rule (forms extend this; zod refuses to extend a refined object). */
export const landingUpdateObject = z.object({
  enabled: z.boolean(),
  /** The address routers send isolated customers to: an IPv4 address of this computer (dst-nat needs one). */
  host: z
    .string()
    .trim()
    .refine((value) => value === '' || IPV4.test(value), 'validation.ipv4'),
  port: z.number().int('validation.port').min(0, 'validation.port').max(65535, 'validation.port'),
  /** Empty: the page shows no number. Otherwise stored as E.164, like every phone. */
  contactPhone: optionalPhone,
  paymentNote: optionalMultilineText(500),
});
export const landingUpdateSchema = landingUpdateObject.strict().superRefine(hostFitsPage);
export type LandingUpdate = z.output<typeof landingUpdateSchema>;
