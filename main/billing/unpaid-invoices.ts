import type { Db } from '../db/index.js';
import type { InvoiceStore } from './invoice-store.js';
import type { OverdueQueries } from './overdue-queries.js';

/** An invoice the loop acts on: not paid in full and not void. */
export interface UnpaidInvoice {
  id: string;
  customerId: string;
  /** YYYY-MM-DD, the tenant's calendar day. */
  dueDate: string;
}


/**
 * What the reminders, the overdue scan and promises read of the invoices: the open ones by due day
 * (billing's OverdueQueries), a customer's oldest, and whether some are still open.
 */
export class UnpaidInvoices {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly store: InvoiceStore,
    private readonly overdue: OverdueQueries,
  ) {
    this.stmt = {
      stillUnpaid: db.prepare(`SELECT id FROM invoices WHERE tenant_id = ? AND status IN ('unpaid', 'partial') AND id IN (SELECT value FROM json_each(?))`).pluck(),
    };
  }

  /** Open invoices due within [from, to] (from null: any day up to `to`), oldest due first. */
  dueBetween(tenantId: string, from: string | null, to: string): UnpaidInvoice[] {
    return this.overdue.openDueBetween(tenantId, from ?? '', to);
  }

  /** The customer's oldest open invoice (the one a payment settles first), or null when they owe nothing. */
  oldestOf(tenantId: string, customerId: string): UnpaidInvoice | null {
    const [oldest] = this.store.open(tenantId, customerId);
    return oldest ? { id: oldest.id, customerId: oldest.customer_id, dueDate: oldest.due_date } : null;
  }

  /** Which of these invoices are still open. */
  stillUnpaid(tenantId: string, invoiceIds: readonly string[]): Set<string> {
    if (invoiceIds.length === 0) return new Set();
    return new Set(this.stmt.stillUnpaid.all(tenantId, JSON.stringify(invoiceIds)) as string[]);
  }
}
