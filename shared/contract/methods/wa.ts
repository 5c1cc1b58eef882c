import { z } from 'zod';
import { method } from '../define.js';
import { MANAGERS, OFFICE } from '../../domain/roles.js';
import { cursorSchema, idSchema, pageLimitSchema } from '../../domain/common.js';
import { phoneInputSchema, waRecipientSchema } from '../../domain/customer.js';
import {
  broadcastDraftSchema,
  broadcastSchema,
  waEventKeySchema,
  waFailureSchema,
  waLogQuerySchema,
  waMessageSchema,
  waMetricsSchema,
  waSessionSchema,
  waSettingsSchema,
  waSettingsUpdateSchema,
  waTemplateSchema,
} from '../../domain/wa.js';

const empty = z.object({}).strict();
/** WhatsApp is a Premium/Pro feature or an add-on (seed 001's plan gate). */
const wa = { feature: 'whatsapp' } as const;

export const waMethods = {
  'wa.settings.get': method({ input: empty, output: waSettingsSchema, roles: MANAGERS, access: 'read', ...wa }),
  'wa.settings.update': method({ input: waSettingsUpdateSchema.strict(), output: waSettingsSchema, roles: MANAGERS, access: 'write', ...wa }),
  'wa.session.status': method({ input: empty, output: waSessionSchema, roles: OFFICE, access: 'read', ...wa }),
  /** Starts (or restarts) the whatsapp-web.js session: the QR appears in wa.session.status. */
  'wa.session.start': method({ input: empty, output: waSessionSchema, roles: MANAGERS, access: 'write', ...wa }),
  'wa.session.logout': method({ input: empty, output: waSessionSchema, roles: MANAGERS, access: 'write', ...wa }),
  'wa.testSend': method({
    input: z.object({ to: waRecipientSchema }).strict(),
    output: z.object({ messageId: idSchema }),
    roles: MANAGERS,
    access: 'write',
    ...wa,
  }),
  'wa.templates.list': method({ input: empty, output: z.array(waTemplateSchema), roles: OFFICE, access: 'read', ...wa }),
  'wa.templates.save': method({
    input: z.object({ key: waEventKeySchema, content: z.string().max(20_000, 'validation.tooLong') }).strict(),
    output: waTemplateSchema,
    roles: MANAGERS,
    access: 'write',
    ...wa,
  }),
  'wa.templates.reset': method({ input: z.object({ key: waEventKeySchema }).strict(), output: waTemplateSchema, roles: MANAGERS, access: 'write', ...wa }),
  /** The editor's live preview: renders unsaved text with the template's sample data. */
  'wa.templates.preview': method({
    input: z.object({ key: waEventKeySchema, content: z.string().max(20_000, 'validation.tooLong') }).strict(),
    output: z.object({ ok: z.boolean(), text: z.string(), errors: z.array(z.string()) }),
    roles: OFFICE,
    access: 'read',
    ...wa,
  }),
  'wa.broadcast.create': method({
    input: broadcastDraftSchema
      .extend({
        scheduledAt: z.iso.datetime().nullable().default(null),
        /**
         * Made by the client once per broadcast it means to send: a double submit or a retried
         * request with the same key answers the broadcast already made instead of sending again.
         */
        requestKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'validation.invalid').optional(),
        /** A broadcast goes at once unless it chooses to wait out quiet hours. */
        respectQuietHours: z.boolean().default(false),
      })
      .strict(),
    output: broadcastSchema,
    roles: MANAGERS,
    access: 'write',
    ...wa,
  }),
  /** Before confirming: how many receive it, and the text the first of them would get. */
  'wa.broadcast.preview': method({
    input: broadcastDraftSchema.strict(),
    output: z.object({ recipients: z.number().int(), sample: z.object({ name: z.string(), text: z.string() }).nullable() }),
    roles: MANAGERS,
    access: 'read',
    ...wa,
  }),
  'wa.broadcast.list': method({ input: empty, output: z.array(broadcastSchema), roles: OFFICE, access: 'read', ...wa }),
  'wa.broadcast.cancel': method({ input: z.object({ id: idSchema }).strict(), output: broadcastSchema, roles: MANAGERS, access: 'write', ...wa }),
  'wa.logs.list': method({
    input: waLogQuerySchema.strict(),
    output: z.object({ items: z.array(waMessageSchema), nextCursor: z.string().nullable() }),
    roles: OFFICE,
    access: 'read',
    ...wa,
  }),
  /** Dead letters: messages that finally failed, with their reason, for a person to retry. */
  'wa.failures.list': method({
    input: z.object({ cursor: cursorSchema, limit: pageLimitSchema }).strict(),
    output: z.object({ items: z.array(waFailureSchema), nextCursor: z.string().nullable() }),
    roles: OFFICE,
    access: 'read',
    ...wa,
  }),
  /** Every failed message back to the queue, except those that may have been sent: a person checks those. */
  'wa.failures.retryAll': method({
    input: empty,
    output: z.object({ retried: z.number().int(), needsCheck: z.number().int() }),
    roles: MANAGERS,
    access: 'write',
    ...wa,
  }),
  'wa.failures.retry': method({ input: z.object({ messageId: idSchema }).strict(), output: waMessageSchema, roles: MANAGERS, access: 'write', ...wa }),
  'wa.optOut.set': method({
    input: z.object({ phone: phoneInputSchema, optedOut: z.boolean(), reason: z.string().trim().max(200).default('') }).strict(),
    output: z.object({ phone: z.string(), optedOut: z.boolean() }),
    roles: MANAGERS,
    access: 'write',
    ...wa,
  }),
  'wa.optOut.list': method({
    input: empty,
    output: z.array(z.object({ phone: z.string(), reason: z.string(), createdAt: z.string() })),
    roles: OFFICE,
    access: 'read',
    ...wa,
  }),
  'wa.metrics': method({ input: empty, output: waMetricsSchema, roles: OFFICE, access: 'read', ...wa }),
};
