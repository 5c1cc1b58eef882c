import type { Db } from '../db/index.js';
import type { Clock } from '../platform/index.js';
import type { IsolirKind, IsolirSource, IsolirStatus, IsolirView } from '../../shared/domain/isolir.js';

export interface ActionRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  router_id: string | null;
  kind: IsolirKind;
  reason: string;
  source: IsolirSource;
  requested_by: string | null;
  status: IsolirStatus;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  answer: string | null;
  job_id: string | null;
  created_at: number;
  applied_at: number | null;
  updated_at: number;
}

export interface NewAction {
  id: string;
  tenantId: string;
  customerId: string;
  routerId: string | null;
  kind: IsolirKind;
  reason: string;
  source: IsolirSource;
  requestedBy: string | null;
  jobId: string;
}

/**
 * What each Isolir tab shows: the customers isolated now (their latest applied request is an
 * isolation), the requests under way, the failed ones, and the reconnections of the last days.
 */
const VIEWS: Record<IsolirView, string> = {
  isolated: `status = 'applied' AND kind = 'isolate' AND id IN (SELECT MAX(id) FROM isolir_actions WHERE tenant_id = @tenant AND status = 'applied' GROUP BY customer_id)`,
  pending: `status = 'pending'`,
  failed: `status = 'failed'`,
  reconnected: `status = 'applied' AND kind = 'reconnect' AND applied_at >= @since`,
};
const RECENT_MS = 7 * 86_400_000;

/** isolir_actions: the ledger of requests (see migration 021). */
export class ActionStore {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.stmt = {
      insert: db.prepare(`INSERT INTO isolir_actions (id, tenant_id, customer_id, router_id, kind, reason, source, requested_by, status, job_id,
          created_at, updated_at) VALUES (@id, @tenantId, @customerId, @routerId, @kind, @reason, @source, @requestedBy, 'pending', @jobId, @now, @now)`),
      get: db.prepare('SELECT * FROM isolir_actions WHERE id = ?'),
      latest: db.prepare(`SELECT * FROM isolir_actions WHERE tenant_id = ? AND customer_id = ? AND status <> 'superseded' ORDER BY id DESC LIMIT 1`),
      supersede: db.prepare(`UPDATE isolir_actions SET status = 'superseded', updated_at = ? WHERE tenant_id = ? AND customer_id = ? AND status = 'pending'
        RETURNING job_id`).pluck(),
      applied: db.prepare(`UPDATE isolir_actions SET status = 'applied', attempts = attempts + 1, answer = ?, error_code = NULL, error_message = NULL, applied_at = ?, updated_at = ?
        WHERE id = ? AND status = 'pending'`),
      waiting: db.prepare(`UPDATE isolir_actions SET attempts = attempts + 1, error_code = ?, error_message = ?, updated_at = ? WHERE id = ? AND status = 'pending'`),
      failed: db.prepare(`UPDATE isolir_actions SET status = 'failed', attempts = attempts + 1, error_code = ?, error_message = ?, updated_at = ? WHERE id = ? AND status = 'pending'`),
      retry: db.prepare(`UPDATE isolir_actions SET status = 'pending', job_id = ?, updated_at = ? WHERE id = ? AND status = 'failed'`),
      history: db.prepare('SELECT * FROM isolir_actions WHERE tenant_id = ? AND customer_id = ? ORDER BY id DESC LIMIT 200'),
    };
  }

  insert(a: NewAction): void {
    this.stmt.insert.run({ ...a, now: this.clock.now() });
  }

  get(id: string): ActionRow | null {
    return (this.stmt.get.get(id) as ActionRow | undefined) ?? null;
  }

  /** The customer's newest request that still counts (a superseded one does not). */
  latest(tenantId: string, customerId: string): ActionRow | null {
    return (this.stmt.latest.get(tenantId, customerId) as ActionRow | undefined) ?? null;
  }

  /** A newer request replaces the customer's pending ones; returns their jobs, to cancel. */
  supersedePending(tenantId: string, customerId: string): string[] {
    return (this.stmt.supersede.all(this.clock.now(), tenantId, customerId) as (string | null)[]).filter((id): id is string => id !== null);
  }

  markApplied(id: string, answer: string): boolean {
    const now = this.clock.now();
    return this.stmt.applied.run(answer.slice(0, 500), now, now, id).changes === 1;
  }

  /** Still pending, with why it has not gone through yet (shown to the operator). Each outcome counts one try. */
  markWaiting(id: string, code: string, message: string): void {
    this.stmt.waiting.run(code, message.slice(0, 500), this.clock.now(), id);
  }

  markFailed(id: string, code: string, message: string): boolean {
    return this.stmt.failed.run(code, message.slice(0, 500), this.clock.now(), id).changes === 1;
  }

  retry(id: string, jobId: string): boolean {
    return this.stmt.retry.run(jobId, this.clock.now(), id).changes === 1;
  }

  history(tenantId: string, customerId: string): ActionRow[] {
    return this.stmt.history.all(tenantId, customerId) as ActionRow[];
  }

  /** A tab of the Isolir screen, newest change first; the cursor is the last row's "updated_at:id". */
  list(tenantId: string, view: IsolirView, page: { cursor: string | null; limit: number }): { items: ActionRow[]; nextCursor: string | null } {
    const [at, id] = (page.cursor ?? '').split(':');
    const after = page.cursor ? 'AND (updated_at < @at OR (updated_at = @at AND id < @id))' : '';
    const rows = this.db
      .prepare(`SELECT * FROM isolir_actions WHERE tenant_id = @tenant AND ${VIEWS[view]} ${after} ORDER BY updated_at DESC, id DESC LIMIT @limit`)
      .all({ tenant: tenantId, since: this.clock.now() - RECENT_MS, at: Number(at), id: id ?? '', limit: page.limit + 1 }) as ActionRow[];
    const more = rows.length > page.limit;
    const items = more ? rows.slice(0, page.limit) : rows;
    const last = items.at(-1);
    return { items, nextCursor: more && last ? `${last.updated_at}:${last.id}` : null };
  }
}
