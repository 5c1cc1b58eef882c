import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { CustomersService } from '../customers/index.js';
import type { IsolirCommands } from '../isolir/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { addDays, daysBetween } from '../../shared/util/local-date.js';
import type { Exemptions } from './exemptions.js';
import type { OverdueQueries } from './overdue-queries.js';
import type { UnpaidInvoice, UnpaidInvoices } from './unpaid-invoices.js';

/** What the scan asks of the rest of billing: the tenant's grace days before isolir, and who has a promise running. */
export interface OverduePolicy {
  graceDays(tenantId: string): number;
  promisedCustomers(tenantId: string): Set<string>;
}

export interface OverdueScanResult {
  /** invoice_overdue events published (each invoice once, ever). */
  noticed: number;
  /** Customers the scan asked isolir to isolate. */
  isolated: number;
}

const OVERDUE_STAGE = 'overdue';
/** Stored with each isolation, so the Isolir screen says why the policy did it. */
const ISOLATION_REASON = 'Tagihan belum dibayar melewati masa tenggang';

/**
 * The seed's auto_isolir_worker, run by the daily scan for one tenant's day (its own zone):
 * - an invoice unpaid the day after its due date gets its invoice_overdue notice, once;
 * - an invoice still unpaid after due date + grace days gets its customer isolated through the
 *   isolir module (source 'policy'), unless the customer is exempt or has a promise running.
 * Each invoice's isolation is claimed (billing_overdue_isolations, keyed by invoice) in the
 * transaction that makes the isolir request, so a rerun, or a second office's scan of the same
 * day, isolates nobody twice, and a person who reconnects a customer by hand is not overruled for
 * the same invoice the next morning. IMMEDIATE: an overlapping scan waits, then finds it all claimed.
 */
export class OverdueScan {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly invoices: UnpaidInvoices,
    /** Billing's record of which notice went out for which invoice (invoice_reminders). */
    private readonly overdueMarks: OverdueQueries,
    private readonly exemptions: Exemptions,
    private readonly policy: OverduePolicy,
    private readonly isolir: IsolirCommands,
    private readonly customers: CustomersService,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.stmt = {
      claimed: db.prepare('SELECT invoice_id FROM billing_overdue_isolations WHERE invoice_id IN (SELECT value FROM json_each(?))').pluck(),
      claim: db.prepare(`INSERT INTO billing_overdue_isolations (id, tenant_id, invoice_id, customer_id, isolir_action_id, created_at)
        VALUES (@id, @tenantId, @invoiceId, @customerId, @actionId, @now) ON CONFLICT (invoice_id) DO NOTHING`),
    };
  }

  run(tenantId: string, today: string): OverdueScanResult {
    return this.db
      .transaction(() => {
        const grace = this.policy.graceDays(tenantId);
        const noticed = this.notify(tenantId, today, grace);
        const isolated = this.isolate(tenantId, addDays(today, -grace - 1));
        return { noticed, isolated };
      })
      .immediate();
  }

  /**
   * Invoices overdue but still within their grace days (a notice after isolation would only repeat
   * what customer_isolated says). A day the app was off is caught up by the next scan.
   */
  private notify(tenantId: string, today: string, grace: number): number {
    let noticed = 0;
    const exempt = this.exemptions.exempt(tenantId);
    for (const invoice of this.invoices.dueBetween(tenantId, addDays(today, -grace - 1), addDays(today, -1))) {
      if (this.customers.find(tenantId, invoice.customerId)?.status !== 'active') continue;
      if (!this.overdueMarks.markReminder(tenantId, invoice.id, OVERDUE_STAGE)) continue;
      // An exempt customer is not told of an isolation that will not come.
      const daysUntilIsolation = exempt.has(invoice.customerId) ? 0 : Math.max(0, daysBetween(today, addDays(invoice.dueDate, grace + 1)));
      this.bus.publish('invoice_overdue', tenantId, { invoiceId: invoice.id, customerId: invoice.customerId, daysUntilIsolation });
      noticed += 1;
    }
    return noticed;
  }

  /** Invoices due on `lastDue` or before: their grace days are over. */
  private isolate(tenantId: string, lastDue: string): number {
    const due = this.invoices.dueBetween(tenantId, null, lastDue);
    if (due.length === 0) return 0;
    const claimed = new Set(this.stmt.claimed.all(JSON.stringify(due.map((i) => i.id))) as string[]);
    const exempt = this.exemptions.exempt(tenantId);
    const promised = this.policy.promisedCustomers(tenantId);
    const toIsolate = new Map<string, UnpaidInvoice[]>();
    const alreadyIsolated: UnpaidInvoice[] = [];
    for (const invoice of due) {
      if (claimed.has(invoice.id) || exempt.has(invoice.customerId) || promised.has(invoice.customerId)) continue;
      const status = this.customers.find(tenantId, invoice.customerId)?.status;
      if (status === 'isolated') alreadyIsolated.push(invoice);
      else if (status === 'active') toIsolate.set(invoice.customerId, [...(toIsolate.get(invoice.customerId) ?? []), invoice]);
    }
    const now = this.clock.now();
    const claim = (invoice: UnpaidInvoice, actionId: string | null) =>
      this.stmt.claim.run({ id: this.ids.next(), tenantId, invoiceId: invoice.id, customerId: invoice.customerId, actionId, now });
    // Isolated by hand already: the invoice's isolation is done, nothing to ask of the router.
    for (const invoice of alreadyIsolated) claim(invoice, null);
    if (toIsolate.size === 0) return 0;
    // One request for everyone: isolir spreads them over the routers in turn.
    const result = this.isolir.request(tenantId, { kind: 'isolate', customerIds: [...toIsolate.keys()], reason: ISOLATION_REASON, source: 'policy', requestedBy: null });
    // A customer isolir skipped (no router yet) is not claimed: the next scan tries again.
    for (const action of result.actions) for (const invoice of toIsolate.get(action.customerId) ?? []) claim(invoice, action.id);
    return result.actions.length;
  }
}
