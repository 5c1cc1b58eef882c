import { z } from 'zod';
import { RADIUS_DB_PROBLEMS } from './radius-database.js';
import { idSchema, text } from './common.js';

export const ISOLIR_KINDS = ['isolate', 'reconnect'] as const;
export type IsolirKind = (typeof ISOLIR_KINDS)[number];
export const ISOLIR_STATUSES = ['pending', 'applied', 'failed', 'superseded'] as const;
export type IsolirStatus = (typeof ISOLIR_STATUSES)[number];
/** Who asked: a person on a screen, or the billing policy (a daily scan, a payment). */
export const ISOLIR_SOURCES = ['manual', 'policy'] as const;
export type IsolirSource = (typeof ISOLIR_SOURCES)[number];

/**
 * What the router has for the customer after it confirmed a change, as facts the screens put in
 * plain words ("Profil diganti ke isolir, 1 sesi diputus"); the router's technical answer is kept
 * beside it for "Detail teknis".
 */
export const appliedChangeSchema = z.object({
  /** The account's state now: its profile, its disabled flag, its address on the isolir list (null: off it), or its RADIUS group. */
  state: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('profile'), profile: z.string() }),
    z.object({ kind: z.literal('disabled'), disabled: z.boolean() }),
    z.object({ kind: z.literal('address-list'), address: z.string().nullable() }),
    z.object({ kind: z.literal('radius-group'), group: z.string() }),
  ]),
  /** Live sessions ended so the change took effect at once. */
  sessionsEnded: z.number().int().nonnegative(),
});
export type AppliedChange = z.infer<typeof appliedChangeSchema>;

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
  /** What the router has now, once it confirmed (null before, and for requests recorded before these facts were kept). */
  change: appliedChangeSchema.nullable(),
  /** The router's answer in technical words, for "Detail teknis". */
  answer: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type IsolirAction = z.infer<typeof isolirActionSchema>;

/** Many customers at once (an overdue list), each with the same reason. */
/** Customers in one request at most: a screen's selection; the billing policy's daily scan goes through the face, unbounded. */
export const ISOLIR_MAX_PER_REQUEST = 500;

export const isolirRequestSchema = z.object({
  customerIds: z.array(idSchema).min(1, 'validation.required').max(ISOLIR_MAX_PER_REQUEST, 'validation.tooMany'),
  reason: text(200),
});

/** Why a customer was left out of a request. */
export const ISOLIR_SKIP_CODES = ['NOT_FOUND', 'CUSTOMER_INACTIVE', 'NOT_ISOLATED', 'NO_ROUTER'] as const;
export type IsolirSkipCode = (typeof ISOLIR_SKIP_CODES)[number];

/** The failures the Isolir screen explains in plain words (what happened, what to do); any other reads "failed on the router". */
export const ISOLIR_ERROR_CODES = [
  'UNREACHABLE', 'TIMEOUT', 'AUTH_FAILED', 'API_DISABLED', 'NOT_ALLOWED', 'NO_WRITE_RIGHTS', 'COMMAND_FAILED', 'ACCOUNT_MISSING',
  'NAS_UNREACHABLE', 'NAS_NOT_LISTENING', 'NAS_NO_ANSWER', 'NAS_WRONG_SECRET', 'NAS_REFUSED', 'NAS_BUSY', 'RADIUS_GROUP_MISSING',
  ...RADIUS_DB_PROBLEMS,
  'NO_ROUTER', 'ROUTER_NOT_SET_UP', 'NOT_FOUND',
  // Provisioning's: the account is not made on the router without a password.
  'PASSWORD_MISSING',
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
