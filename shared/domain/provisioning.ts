import { z } from 'zod';
import { idSchema } from './common.js';

/**
 * A customer's account on their router, as the console keeps it in step: pending (on its way, with
 * why it waits), applied (the router confirmed the latest change), failed (a person must look), or
 * none (no account to keep: no router, or a RADIUS router whose users live in FreeRADIUS).
 */
/**
 * The comment on every account the console keeps on a router: `rrnet:<customer id>`. It is ours, not
 * the ISP's note, so reading a router's accounts back (an import) takes it for no comment at all.
 */
export const ACCOUNT_MARK = 'rrnet:';
export const isAccountMark = (comment: string): boolean => comment.startsWith(ACCOUNT_MARK);

export const PROVISIONING_STATUSES = ['pending', 'applied', 'failed', 'none'] as const;
export type ProvisioningStatus = (typeof PROVISIONING_STATUSES)[number];

export const provisioningStateSchema = z.object({
  customerId: idSchema,
  status: z.enum(PROVISIONING_STATUSES),
  attempts: z.number().int(),
  /** While pending: why it has not gone through yet; when failed: why not. Codes as isolir's (`isolir.error_<code>`). */
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** What the router answered when it applied the change. */
  answer: z.string().nullable(),
  routerId: idSchema.nullable(),
  appliedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProvisioningState = z.infer<typeof provisioningStateSchema>;

/** What the reconciler found: an account that differs from the console, one missing, one no customer owns. */
export const DRIFT_KINDS = ['changed', 'missing', 'unknown'] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];
/** What it did: put it back, could not (the router refused or went away), or only reported it (an unknown account). */
export const DRIFT_OUTCOMES = ['repaired', 'failed', 'reported'] as const;
export type DriftOutcome = (typeof DRIFT_OUTCOMES)[number];

/** One difference the reconciler found on a router, and what it did about it. */
export const driftEntrySchema = z.object({
  id: idSchema,
  routerId: idSchema,
  routerName: z.string().nullable(),
  /** Null: an account no customer owns (reported, never deleted). */
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  customerCode: z.string().nullable(),
  username: z.string(),
  kind: z.enum(DRIFT_KINDS),
  /** The router's values that differed (profile=isolir, disabled=false); empty for a missing or unknown account. */
  found: z.string(),
  outcome: z.enum(DRIFT_OUTCOMES),
  /** Repaired: what the router has now, in its words; failed: the failure code (plain words as isolir's `isolir.error_<code>`). */
  done: z.string(),
  at: z.string(),
});
export type DriftEntry = z.infer<typeof driftEntrySchema>;

export const driftListSchema = z.object({
  cursor: z.string().nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export const driftPageSchema = z.object({ items: z.array(driftEntrySchema), nextCursor: z.string().nullable() });

/** A router's reconcile: accounts checked, repaired, and the ones no customer owns. */
export const reconcileResultSchema = z.object({
  routerId: idSchema,
  at: z.string(),
  checked: z.number().int(),
  repaired: z.number().int(),
  /** Skipped: a change for them was still on its way to the router (their own job sends it). */
  skipped: z.number().int(),
  unknown: z.array(z.string()),
  /** The router did not answer (or refused): nothing was compared. Codes as isolir's. */
  errorCode: z.string().nullable(),
});
export type ReconcileResult = z.infer<typeof reconcileResultSchema>;
