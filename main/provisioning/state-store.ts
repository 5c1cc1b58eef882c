import type { Db } from '../db/index.js';
import type { Clock } from '../platform/index.js';
import type { AccountKind } from './desired-account.js';

export type ProvisioningStatus = 'pending' | 'applied' | 'failed' | 'none';

export interface StateRow {
  tenant_id: string;
  customer_id: string;
  wanted_rev: number;
  status: ProvisioningStatus;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  answer: string | null;
  job_id: string | null;
  applied_router_id: string | null;
  applied_service: AccountKind | null;
  applied_username: string | null;
  applied_password_ref: string | null;
  applied_fingerprint: string | null;
  applied_at: number | null;
  updated_at: number;
}

/** Where the customer's account is on a router now, as the router confirmed it (null: on none). */
export interface AccountPlace {
  routerId: string;
  kind: AccountKind;
  username: string;
  passwordRef: string | null;
  fingerprint: string;
}

/** provisioning_states: each customer's latest sync to their router (see migration 022). */
export class StateStore {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.stmt = {
      get: db.prepare('SELECT * FROM provisioning_states WHERE tenant_id = ? AND customer_id = ?'),
      want: db
        .prepare(`INSERT INTO provisioning_states (tenant_id, customer_id, wanted_rev, status, job_id, updated_at) VALUES (@tenantId, @customerId, 1, 'pending', @jobId, @now)
          ON CONFLICT (tenant_id, customer_id) DO UPDATE SET wanted_rev = wanted_rev + 1, status = 'pending', attempts = 0, job_id = @jobId, updated_at = @now
          RETURNING wanted_rev`)
        .pluck(),
      place: db.prepare(`UPDATE provisioning_states SET applied_router_id = @routerId, applied_service = @kind, applied_username = @username,
          applied_password_ref = @passwordRef, applied_fingerprint = @fingerprint, updated_at = @now WHERE tenant_id = @tenantId AND customer_id = @customerId`),
      applied: db.prepare(`UPDATE provisioning_states SET status = ?, attempts = attempts + 1, answer = ?, error_code = NULL, error_message = NULL, applied_at = ?, updated_at = ?
          WHERE tenant_id = ? AND customer_id = ? AND wanted_rev = ?`),
      waiting: db.prepare(`UPDATE provisioning_states SET attempts = attempts + 1, error_code = ?, error_message = ?, updated_at = ?
          WHERE tenant_id = ? AND customer_id = ? AND wanted_rev = ?`),
      failed: db.prepare(`UPDATE provisioning_states SET status = 'failed', attempts = attempts + 1, error_code = ?, error_message = ?, updated_at = ?
          WHERE tenant_id = ? AND customer_id = ? AND wanted_rev = ?`),
      pending: db.prepare(`SELECT customer_id FROM provisioning_states WHERE tenant_id = ? AND status = 'pending'`).pluck(),
    };
  }

  get(tenantId: string, customerId: string): StateRow | null {
    return (this.stmt.get.get(tenantId, customerId) as StateRow | undefined) ?? null;
  }

  /** A new change to send: the next revision, whose job `jobId` is the only one that may mark it applied. */
  want(tenantId: string, customerId: string, jobId: string): number {
    return this.stmt.want.get({ tenantId, customerId, jobId, now: this.clock.now() }) as number;
  }

  /** The router confirmed the account here (or its removal: null), whichever revision asked. */
  recordPlace(tenantId: string, customerId: string, place: AccountPlace | null): void {
    this.stmt.place.run({
      tenantId,
      customerId,
      routerId: place?.routerId ?? null,
      kind: place?.kind ?? null,
      username: place?.username ?? null,
      passwordRef: place?.passwordRef ?? null,
      fingerprint: place?.fingerprint ?? null,
      now: this.clock.now(),
    });
  }

  /** Done for revision `rev`, if it is still the latest (a newer one stays pending). `none`: the customer has no account on a router to keep. */
  markApplied(tenantId: string, customerId: string, rev: number, answer: string, status: 'applied' | 'none'): boolean {
    const now = this.clock.now();
    return this.stmt.applied.run(status, answer.slice(0, 500), now, now, tenantId, customerId, rev).changes === 1;
  }

  /** Still pending, with why it has not gone through yet. */
  markWaiting(tenantId: string, customerId: string, rev: number, code: string, message: string): void {
    this.stmt.waiting.run(code, message.slice(0, 500), this.clock.now(), tenantId, customerId, rev);
  }

  markFailed(tenantId: string, customerId: string, rev: number, code: string, message: string): void {
    this.stmt.failed.run(code, message.slice(0, 500), this.clock.now(), tenantId, customerId, rev);
  }

  /** Customers with a sync on its way: the reconciler leaves them to their job. */
  pendingCustomers(tenantId: string): Set<string> {
    return new Set(this.stmt.pending.all(tenantId) as string[]);
  }
}
