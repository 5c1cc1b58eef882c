import { z } from 'zod';
import { phoneInputSchema, waRecipientSchema } from './customer.js';
import { cursorSchema, idSchema, pageLimitSchema } from './common.js';

/** Every kind of message the console sends; each has a system template (main/templates/catalog.ts). */
export const WA_EVENT_KEYS = [
  'invoice_created',
  'invoice_due_reminder',
  'invoice_overdue',
  'invoice_paid',
  'payment_recorded',
  'customer_isolated',
  'customer_reconnected',
  'customer_welcome',
  'payment_promise_made',
  'payment_promise_broken',
  'outage_started',
  'outage_resolved',
  'technician_assigned',
  'technician_escalated',
  'voucher_generated',
  'manual_broadcast',
  'test_message',
] as const;
export const waEventKeySchema = z.enum(WA_EVENT_KEYS);
export type WaEventKey = z.infer<typeof waEventKeySchema>;

/** What a provider can answer when it does not take a message (the adapters' standard result). */
export const WA_ERROR_CODES = [
  /** The credentials are wrong or revoked: a person must fix the settings. */
  'INVALID_TOKEN',
  /** The phone / session behind the provider is not connected (QR needed, phone offline). */
  'DEVICE_DISCONNECTED',
  /** The provider's own quota or package ran out. */
  'PROVIDER_QUOTA',
  /** The number is malformed. */
  'INVALID_NUMBER',
  /** The number is valid but has no WhatsApp account. */
  'NOT_ON_WHATSAPP',
  /** The provider asked us to slow down. */
  'RATE_LIMITED',
  /** No answer in time, or the connection broke: the message may or may not have left. */
  'TIMEOUT',
  'NETWORK',
  /** The session exists but is still starting (wwebjs before `ready`). */
  'NOT_READY',
  /** Anything else the provider said no to. */
  'PROVIDER_ERROR',
] as const;
export type WaErrorCode = (typeof WA_ERROR_CODES)[number];

/** Codes the dispatcher itself writes on a message, beside the providers' own. */
export const WA_MESSAGE_CODES = [...WA_ERROR_CODES, 'OPTED_OUT', 'RECIPIENT_CAP', 'MAYBE_SENT'] as const;
export type WaMessageCode = (typeof WA_MESSAGE_CODES)[number];

export const WA_PROVIDERS = ['wwebjs', 'fonnte', 'dry-run'] as const;
export const waProviderSchema = z.enum(WA_PROVIDERS);
export type WaProviderKey = z.infer<typeof waProviderSchema>;

/** Dry-run sends nothing: it may be the provider (trying the console out), never the fallback. */
export const WA_FALLBACK_PROVIDERS = ['wwebjs', 'fonnte'] as const;
export type WaFallbackKey = (typeof WA_FALLBACK_PROVIDERS)[number];

/** Kinds that may go during quiet hours when the tenant has not chosen: news of an outage is wanted at night. */
export const DEFAULT_NIGHT_EVENTS: readonly WaEventKey[] = ['outage_started', 'outage_resolved'];

/** A random pause between two messages, in seconds (WhatsApp Web: a person's pace, not a machine's). */
export const sendGapSchema = z.object({ minSeconds: z.number().int(), maxSeconds: z.number().int() });
export type SendGap = z.infer<typeof sendGapSchema>;

/**
 * WhatsApp Web is a person's phone: a machine's 10 messages a second gets numbers banned, so
 * local practice is a few seconds between messages, never the same pause twice. Fonnte paces
 * on its own side, so only the rate per second applies. Dry-run sends nothing.
 */
export const DEFAULT_SEND_GAP: Readonly<Record<WaProviderKey, SendGap | null>> = {
  wwebjs: { minSeconds: 4, maxSeconds: 10 },
  fonnte: null,
  'dry-run': null,
};

/** Why the whole queue stopped (one alert instead of every message failing on its own). */
export const waPauseSchema = z.object({ code: z.string(), since: z.string() });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');

export const waSettingsSchema = z.object({
  provider: waProviderSchema,
  fallbackProvider: z.enum(WA_FALLBACK_PROVIDERS).nullable(),
  /** Never the token itself: the renderer only learns whether one is stored. */
  hasFonnteToken: z.boolean(),
  fonnteBaseUrl: z.string(),
  senderNumber: z.string(),
  enabledEvents: z.array(waEventKeySchema),
  ratePerSecond: z.number().int(),
  perRecipientPerHour: z.number().int(),
  quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
  /** Kinds that go during quiet hours anyway (outages). */
  nightEvents: z.array(waEventKeySchema),
  /** The pause between messages in force (the provider's default unless the tenant set one); null: only the rate per second. */
  sendGap: sendGapSchema.nullable(),
  /** True when sendGap is the tenant's own choice rather than the provider's default. */
  sendGapCustom: z.boolean(),
  /** The queue is stopped until a person fixes the settings (a refused token). */
  paused: waPauseSchema.nullable(),
  adminRecipients: z.array(z.string()),
  browserPath: z.string(),
  maxLength: z.number().int(),
  retentionDays: z.number().int(),
  suspended: z.boolean(),
});
export type WaSettings = z.infer<typeof waSettingsSchema>;

export const waSettingsUpdateSchema = z.object({
  provider: waProviderSchema.optional(),
  fallbackProvider: z.enum(WA_FALLBACK_PROVIDERS, { error: 'wa.dryRunNoFallback' }).nullable().optional(),
  /** A new token replaces the stored one; null removes it; absent keeps it. */
  fonnteToken: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong').nullable().optional(),
  fonnteBaseUrl: z.url({ protocol: /^https?$/, error: 'validation.url' }).max(200).optional(),
  senderNumber: z.union([phoneInputSchema, z.literal('')]).optional(),
  enabledEvents: z.array(waEventKeySchema).max(WA_EVENT_KEYS.length).optional(),
  /** Seed 000: default 10 per second, never above the platform's 50. */
  ratePerSecond: z.number().int().min(1, 'validation.tooSmall').max(50, 'validation.rateCap').optional(),
  perRecipientPerHour: z.number().int().min(1).max(100).optional(),
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable().optional(),
  nightEvents: z.array(waEventKeySchema).max(WA_EVENT_KEYS.length).optional(),
  /** null: the provider's default pause; 0 to 0: no pause, only the rate per second. */
  sendGap: z
    .object({ minSeconds: z.number().int().min(0, 'validation.tooSmall').max(600), maxSeconds: z.number().int().min(0, 'validation.tooSmall').max(600) })
    .refine((g) => g.maxSeconds >= g.minSeconds, { path: ['maxSeconds'], message: 'validation.gapOrder' })
    .nullable()
    .optional(),
  adminRecipients: z.array(waRecipientSchema).max(10, 'validation.tooMany').optional(),
  browserPath: z.string().trim().max(500, 'validation.tooLong').optional(),
  maxLength: z.number().int().min(160).max(4096).optional(),
  retentionDays: z.number().int().min(7).max(3650).optional(),
});

export const WA_SESSION_STATES = ['stopped', 'starting', 'qr', 'authenticated', 'ready', 'disconnected', 'auth_failure', 'error'] as const;
export const waSessionSchema = z.object({
  provider: waProviderSchema,
  state: z.enum(WA_SESSION_STATES),
  /** In the user's language, with what to do. */
  detail: z.string().nullable(),
  /** The provider's own words behind the detail (net::ERR_..., ENOTFOUND ...), for support; shown folded away. */
  technical: z.string().nullable(),
  /** The pairing QR as text; the screen draws it. */
  qr: z.string().nullable(),
  suspended: z.boolean(),
  /** The queue stopped itself (a refused token): the one alert, until the settings are fixed. */
  paused: waPauseSchema.nullable(),
});

export const waTemplateSchema = z.object({
  key: waEventKeySchema,
  content: z.string(),
  variables: z.array(z.string()),
  /** True when the tenant changed the system text. */
  custom: z.boolean(),
  systemContent: z.string(),
  /** Needs no data beyond what a broadcast has (name, ISP, message, package): offered in the broadcast form. */
  broadcastable: z.boolean(),
  sample: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export const WA_MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'cancelled', 'skipped'] as const;
export const waMessageStatusSchema = z.enum(WA_MESSAGE_STATUSES);

export const waMessageSchema = z.object({
  id: idSchema,
  event: z.string(),
  templateKey: z.string(),
  /** Masked (+62812****7890): logs are read by many, the number belongs to the customer. */
  to: z.string(),
  /** Masked: digit runs that could be account numbers or phones are hidden. */
  preview: z.string(),
  status: waMessageStatusSchema,
  provider: z.string().nullable(),
  failover: z.boolean(),
  attempts: z.number().int(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  broadcastId: z.string().nullable(),
  /** Sent by the dry-run provider: a trial ("uji coba"), nothing reached anyone. */
  simulated: z.boolean(),
  /** Waiting for quiet hours to end: when it goes (ISO). */
  heldUntil: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
});

/**
 * Failures whose send may have reached the customer: resending blindly could send it twice, so a
 * person checks the chat first. They are never in a bulk retry, and show whose chat to check.
 */
export const WA_MAYBE_SENT_CODES: readonly WaMessageCode[] = ['MAYBE_SENT', 'TIMEOUT'];

/** A failed message as the failures page shows it: whose it is, and for a maybe-sent one the number in full. */
export const waFailureSchema = waMessageSchema.extend({
  customerName: z.string().nullable(),
  /** Unmasked only when a person must find the chat (WA_MAYBE_SENT_CODES); null otherwise. */
  phone: z.string().nullable(),
});

export const waLogQuerySchema = z.object({
  status: waMessageStatusSchema.nullable().default(null),
  /** Part of the number, in 08 or 62 form. */
  number: z.string().trim().max(20).default(''),
  event: z.string().max(40).nullable().default(null),
  from: z.iso.datetime().nullable().default(null),
  to: z.iso.datetime().nullable().default(null),
  cursor: cursorSchema,
  limit: pageLimitSchema,
});

export const BROADCAST_FILTERS = ['all_active', 'package', 'odp', 'isolated', 'overdue'] as const;
export const broadcastFilterSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all_active') }),
  z.object({ kind: z.literal('package'), packageId: idSchema }),
  z.object({ kind: z.literal('odp'), odpId: idSchema }),
  /** The customers isolated now (for whatever reason). */
  z.object({ kind: z.literal('isolated') }),
  /** Customers with an invoice past its due date, isolated or not (billing answers it). */
  z.object({ kind: z.literal('overdue') }),
]);
export type BroadcastFilter = z.infer<typeof broadcastFilterSchema>;

/** What a broadcast sends to whom: the part of its creation that its preview shows. */
export const broadcastDraftSchema = z.object({
  filter: broadcastFilterSchema,
  templateKey: waEventKeySchema.default('manual_broadcast'),
  /** The operator's text of a manual broadcast ({message} of its template); may use {name}, {isp_name}, {package_name}. */
  message: z.string().trim().max(2000, 'validation.tooLong').default(''),
});

export const broadcastSchema = z.object({
  id: idSchema,
  templateKey: z.string(),
  filter: broadcastFilterSchema,
  scheduledAt: z.string(),
  /** finished: every recipient's message has reached an end (sent, failed, skipped ...). */
  status: z.enum(['active', 'finished', 'cancelled']),
  total: z.number().int(),
  progress: z.record(waMessageStatusSchema, z.number().int()),
  /** Of progress.sent, how many the dry-run provider only simulated ("uji coba"). */
  simulated: z.number().int(),
  respectQuietHours: z.boolean(),
  /** Its next messages wait for quiet hours to end: when they go (ISO). */
  heldUntil: z.string().nullable(),
  createdAt: z.string(),
});

export const waMetricsSchema = z.object({
  sent24h: z.number().int(),
  /** Dry-run "sends" of the last 24 h: trials, not counted as sent. */
  simulated24h: z.number().int(),
  failed24h: z.number().int(),
  queueDepth: z.number().int(),
  /** Provider call time of messages sent in the last 24 h. */
  sendLatencyMs: z.object({ p50: z.number(), p95: z.number() }),
  /** Failed provider attempts / all attempts in the last 24 h, 0..1. */
  providerErrorRate: z.number(),
});
