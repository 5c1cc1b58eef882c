import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { IdGenerator } from '../platform/index.js';
import { notFound } from '../platform/index.js';
import type { CustomersService } from '../customers/index.js';
import type { RoutersService } from '../network/index.js';
import type { DriftEntry, ProvisioningState } from '../../shared/domain/provisioning.js';
import type { AccountTargets } from './account-targets.js';
import type { DriftStore } from './drift-store.js';
import type { StateRow, StateStore } from './state-store.js';
import { PROVISIONING_SYNC_JOB, type SyncPayload } from './sync-handler.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The door to provisioning: a customer changed, the screens ask how their account on the router stands. */
export class ProvisioningService {
  constructor(
    private readonly db: Db,
    private readonly states: StateStore,
    private readonly drift: DriftStore,
    private readonly targets: AccountTargets,
    private readonly jobs: JobQueue,
    private readonly bus: EventBus,
    private readonly ids: IdGenerator,
    private readonly customers: CustomersService,
    private readonly routers: RoutersService,
  ) {}

  /**
   * The customer changed (created, edited, deactivated, reactivated): queue a sync of their account
   * unless the router already holds exactly what they should have now (an edited phone number sends
   * nothing) or they never had and still have no account on a router. The job reads the customer
   * when it runs, so a burst of edits ends in the latest state; older queued jobs step aside.
   */
  changed(tenantId: string, customerId: string): void {
    this.db
      .transaction(() => {
        const state = this.states.get(tenantId, customerId);
        const target = this.targets.forCustomer(tenantId, customerId);
        if (!target && (state === null || (state.status === 'none' && state.applied_router_id === null))) return;
        if (target && state?.status === 'applied' && state.applied_fingerprint === target.fingerprint) return;
        this.enqueue(tenantId, customerId);
      })
      .immediate();
  }

  /**
   * An import added or changed customers in bulk (one event, not one per row): each customer on a
   * router whose account is not confirmed as they are now gets a sync, so imported customers reach
   * their router at once rather than at the reconciler's next round (which would also log each new
   * account as "missing"). One transaction: a 20,000-row import is one commit, not one per customer.
   */
  imported(tenantId: string): void {
    this.db
      .transaction(() => {
        for (const routerId of this.routers.names(tenantId).keys()) {
          for (const owner of this.customers.onRouter(tenantId, routerId)) this.changed(tenantId, owner.id);
        }
      })
      .immediate();
  }

  /** A person's "Ulangi": the account goes to the router again, with a fresh set of attempts. */
  retry(tenantId: string, customerId: string): ProvisioningState | null {
    if (!this.customers.find(tenantId, customerId)) throw notFound();
    this.db.transaction(() => this.enqueue(tenantId, customerId)).immediate();
    return this.state(tenantId, customerId);
  }

  state(tenantId: string, customerId: string): ProvisioningState | null {
    const row = this.states.get(tenantId, customerId);
    return row ? toState(row, this.customers.find(tenantId, customerId)?.routerId ?? null) : null;
  }

  driftLog(tenantId: string, page: { cursor: string | null; limit: number }): { items: DriftEntry[]; nextCursor: string | null } {
    const { items, nextCursor } = this.drift.list(tenantId, page);
    const names = this.customers.labels(tenantId, [...new Set(items.flatMap((r) => (r.customer_id ? [r.customer_id] : [])))]);
    const routers = this.routers.names(tenantId);
    return {
      items: items.map((r) => ({
        id: r.id,
        routerId: r.router_id,
        routerName: routers.get(r.router_id) ?? null,
        customerId: r.customer_id,
        customerName: r.customer_id ? (names.get(r.customer_id)?.name ?? null) : null,
        customerCode: r.customer_id ? (names.get(r.customer_id)?.code ?? null) : null,
        username: r.username,
        kind: r.kind,
        found: r.found,
        outcome: r.outcome,
        done: r.done,
        at: new Date(r.at).toISOString(),
      })),
      nextCursor,
    };
  }

  private enqueue(tenantId: string, customerId: string): void {
    const jobId = this.ids.next();
    const rev = this.states.want(tenantId, customerId, jobId);
    const payload: SyncPayload = { customerId, rev };
    this.jobs.enqueue({ id: jobId, type: PROVISIONING_SYNC_JOB, tenantId, payload, key: `provisioning:${customerId}:${rev}` });
    this.bus.publish('provisioning_changed', tenantId, { customerId });
  }
}

function toState(r: StateRow, routerId: string | null): ProvisioningState {
  return {
    customerId: r.customer_id,
    status: r.status,
    attempts: r.attempts,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    answer: r.answer,
    routerId,
    appliedAt: iso(r.applied_at),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
