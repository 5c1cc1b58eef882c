import { z } from 'zod';
import { idSchema, text } from './common.js';

export const ISOLIR_KINDS = ['isolate', 'reconnect'] as const;
export type IsolirKind = (typeof ISOLIR_KINDS)[number];
export const ISOLIR_STATUSES = ['pending', 'applied', 'failed', 'superseded'] as const;
export type IsolirStatus = (typeof ISOLIR_STATUSES)[number];
/** Who asked: a person on a screen, or the billing policy (a daily scan, a payment). */
export const ISOLIR_SOURCES = ['manual', 'policy'] as const;
export type IsolirSource = (typeof ISOLIR_SOURCES)[number];

/** One request to isolate or reconnect a customer, and what became of it on the router. */
export const isolirActionSchema = z.object({
  id: idSchema,
  customerId: idSchema,
  customerName: z.string().nullable(),
  customerCode: z.string().nullable(),
  routerId: idSchema.nullable(),
  kind: z.enum(ISOLIR_KINDS),
  reason: z.string(),
  source: z.enum(ISOLIR_SOURCES),
  requestedBy: z.string().nullable(),
  status: z.enum(ISOLIR_STATUSES),
  attempts: z.number().int(),
  /** While pending: why it has not gone through yet (router unreachable ...); when failed: why not. */
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** What the router answered when it applied the change. */
  answer: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type IsolirAction = z.infer<typeof isolirActionSchema>;

/** Many customers at once (an overdue list), each with the same reason. */
export const isolirRequestSchema = z.object({
  customerIds: z.array(idSchema).min(1, 'validation.required').max(500, 'validation.tooMany'),
  reason: text(200),
});

/** Why a customer was left out of a request. */
export const ISOLIR_SKIP_CODES = ['NOT_FOUND', 'CUSTOMER_INACTIVE', 'NOT_ISOLATED', 'NO_ROUTER'] as const;
export type IsolirSkipCode = (typeof ISOLIR_SKIP_CODES)[number];

/** The failures the Isolir screen explains in plain words (what happened, what to do); any other reads "failed on the router". */
export const ISOLIR_ERROR_CODES = [
  'UNREACHABLE', 'TIMEOUT', 'AUTH_FAILED', 'API_DISABLED', 'NOT_ALLOWED', 'NO_WRITE_RIGHTS', 'COMMAND_FAILED', 'ACCOUNT_MISSING',
  'NAS_UNREACHABLE', 'NAS_NOT_LISTENING', 'NAS_NO_ANSWER', 'NAS_WRONG_SECRET', 'NAS_REFUSED', 'NAS_BUSY', 'RADIUS_GROUP_MISSING', 'RADIUS_DB_UNAVAILABLE',
  'NO_ROUTER', 'ROUTER_NOT_SET_UP', 'NOT_FOUND',
] as const;
export type IsolirErrorCode = (typeof ISOLIR_ERROR_CODES)[number];

export const isolirRequestResultSchema = z.object({
  /** The requests made now, or the one already under way for a customer (a double submit makes nothing new). */
  actions: z.array(isolirActionSchema),
  /** Customers left out, with why (no router, deactivated, not found). */
  skipped: z.array(z.object({ customerId: idSchema, code: z.enum(ISOLIR_SKIP_CODES) })),
});

export const ISOLIR_VIEWS = ['isolated', 'pending', 'failed', 'reconnected'] as const;
export type IsolirView = (typeof ISOLIR_VIEWS)[number];

export const isolirListSchema = z.object({
  view: z.enum(ISOLIR_VIEWS),
  cursor: z.string().nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});

export const isolirPageSchema = z.object({ items: z.array(isolirActionSchema), nextCursor: z.string().nullable() });
