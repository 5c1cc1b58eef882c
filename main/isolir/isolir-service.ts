import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { Failure, notFound } from '../platform/index.js';
import type { CustomersService } from '../customers/index.js';
import type { Customer } from '../../shared/domain/customer.js';
import type { IsolirAction, IsolirKind, IsolirSkipCode, IsolirSource, IsolirView } from '../../shared/domain/isolir.js';
import type { ActionRow, ActionStore } from './action-store.js';

export const ISOLIR_APPLY_JOB = 'isolir.apply';

export interface IsolirRequest {
  kind: IsolirKind;
  customerIds: readonly string[];
  reason: string;
  source: IsolirSource;
  /** The user who asked; null for the billing policy. */
  requestedBy: string | null;
}

export interface IsolirRequestResult {
  actions: IsolirAction[];
  skipped: { customerId: string; code: IsolirSkipCode }[];
}

/**
 * The door to isolir for people (the Isolir screen, a customer's page) and for the billing policy
 * (a daily scan isolates, a payment reconnects): `isolate` and `reconnect` on the face are this.
 */
export interface IsolirCommands {
  request(tenantId: string, request: IsolirRequest): IsolirRequestResult;
}

/**
 * The customers of a request, their routers taking turns: jobs run in the order they are made, so
 * a daily scan's 1,000 isolations keep five routers busy at once instead of finishing one router's
 * 200 before the next one starts.
 */
function byRouterInTurn(tenantId: string, ids: readonly string[], customers: CustomersService) {
  const queues = new Map<string | null, { customerId: string; customer: Customer | null }[]>();
  for (const customerId of new Set(ids)) {
    const customer = customers.find(tenantId, customerId);
    const key = customer?.routerId ?? null;
    const queue = queues.get(key) ?? [];
    queue.push({ customerId, customer });
    queues.set(key, queue);
  }
  const turns: { customerId: string; customer: Customer | null }[] = [];
  const lists = [...queues.values()];
  for (let i = 0; turns.length < lists.reduce((n, q) => n + q.length, 0); i++) {
    for (const queue of lists) {
      const next = queue[i];
      if (next) turns.push(next);
    }
  }
  return turns;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export class IsolirService implements IsolirCommands {
  constructor(
    private readonly db: Db,
    private readonly store: ActionStore,
    private readonly jobs: JobQueue,
    private readonly bus: EventBus,
    private readonly customers: CustomersService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /**
   * One request per customer, durable with its job in one transaction. A customer whose same change
   * is already pending or done gets nothing new (a double submit, two offices at once); a change of
   * mind replaces the pending request, whose job is cancelled.
   */
  request(tenantId: string, r: IsolirRequest): IsolirRequestResult {
    const result: IsolirRequestResult = { actions: [], skipped: [] };
    this.db
      .transaction(() => {
        for (const { customerId, customer } of byRouterInTurn(tenantId, r.customerIds, this.customers)) {
          const skip = (code: IsolirSkipCode) => result.skipped.push({ customerId, code });
          if (!customer) {
            skip('NOT_FOUND');
            continue;
          }
          if (customer.status === 'inactive') {
            skip('CUSTOMER_INACTIVE');
            continue;
          }
          const latest = this.store.latest(tenantId, customerId);
          if (latest && latest.kind === r.kind && (latest.status === 'pending' || latest.status === 'applied')) {
            result.actions.push(this.view(latest));
            continue;
          }
          if (r.kind === 'reconnect' && customer.status === 'active' && latest?.status !== 'pending') {
            skip('NOT_ISOLATED');
            continue;
          }
          if (customer.routerId === null) {
            skip('NO_ROUTER');
            continue;
          }
          for (const jobId of this.store.supersedePending(tenantId, customerId)) this.jobs.cancel(jobId);
          const id = this.ids.next();
          const jobId = this.ids.next();
          this.jobs.enqueue({ id: jobId, type: ISOLIR_APPLY_JOB, tenantId, payload: { actionId: id }, key: `isolir:${id}` });
          this.store.insert({ id, tenantId, customerId, routerId: customer.routerId, kind: r.kind, reason: r.reason, source: r.source, requestedBy: r.requestedBy, jobId });
          this.bus.publish('isolir_changed', tenantId, { customerId });
          result.actions.push(this.view(this.store.get(id) as ActionRow));
        }
      })
      .immediate();
    return result;
  }

  /** A failed request goes again, as it was (same customer, same change), with a fresh set of attempts. */
  retry(tenantId: string, id: string): IsolirAction {
    const row = this.store.get(id);
    if (!row || row.tenant_id !== tenantId) throw notFound();
    this.db
      .transaction(() => {
        const latest = this.store.latest(tenantId, row.customer_id);
        // A newer request for the customer says what they should have now: retrying this one would undo it.
        if (latest?.id !== id) throw new Failure('CONFLICT', {}, { id: 'conflicts.isolirSuperseded' });
        const jobId = this.ids.next();
        if (!this.store.retry(id, jobId)) throw new Failure('CONFLICT', {}, { id: 'conflicts.isolirNotFailed' });
        this.jobs.enqueue({ id: jobId, type: ISOLIR_APPLY_JOB, tenantId, payload: { actionId: id }, key: `isolir:${id}:${jobId}` });
        this.bus.publish('isolir_changed', tenantId, { customerId: row.customer_id });
      })
      .immediate();
    return this.view(this.store.get(id) as ActionRow);
  }

  history(tenantId: string, customerId: string): IsolirAction[] {
    return this.withNames(tenantId, this.store.history(tenantId, customerId));
  }

  list(tenantId: string, view: IsolirView, page: { cursor: string | null; limit: number }): { items: IsolirAction[]; nextCursor: string | null } {
    const { items, nextCursor } = this.store.list(tenantId, view, page);
    return { items: this.withNames(tenantId, items), nextCursor };
  }

  private view(row: ActionRow): IsolirAction {
    return this.withNames(row.tenant_id, [row])[0] as IsolirAction;
  }

  /** Names and codes come from the customers module (it owns them), whatever the customer's status now. */
  private withNames(tenantId: string, rows: readonly ActionRow[]): IsolirAction[] {
    const names = this.customers.labels(tenantId, [...new Set(rows.map((r) => r.customer_id))]);
    return rows.map((r) => ({
      id: r.id,
      customerId: r.customer_id,
      customerName: names.get(r.customer_id)?.name ?? null,
      customerCode: names.get(r.customer_id)?.code ?? null,
      routerId: r.router_id,
      kind: r.kind,
      reason: r.reason,
      source: r.source,
      requestedBy: r.requested_by,
      status: r.status,
      attempts: r.attempts,
      errorCode: r.error_code,
      errorMessage: r.error_message,
      answer: r.answer,
      createdAt: new Date(r.created_at).toISOString(),
      appliedAt: iso(r.applied_at),
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }
}
