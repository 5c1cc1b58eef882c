import type { Db } from '../db/index.js';
import type { Clock } from '../platform/index.js';
import type { TimeZone } from '../../shared/util/time.js';
import { localDate } from '../../shared/util/local-date.js';
import type { Invoice } from '../../shared/domain/billing.js';
import type { InvoiceRow } from './invoice-store.js';
import { toInvoice } from './invoice-views.js';

/**
 * What the overdue loop (reminders, the daily auto-isolir scan, promises to pay) reads and marks,
 * on the open invoices' due-date index. Dates are the tenant's local days ('YYYY-MM-DD').
 */
export class OverdueQueries {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly zone: (tenantId: string) => TimeZone,
    private readonly urlPattern: (tenantId: string) => string,
  ) {
    this.stmt = {
      open: db.prepare(`SELECT * FROM invoices WHERE tenant_id = ? AND status IN ('unpaid', 'partial') AND due_date BETWEEN ? AND ?
        ORDER BY due_date, number`),
      overdueCustomers: db.prepare(`SELECT DISTINCT customer_id FROM invoices WHERE tenant_id = ? AND status IN ('unpaid', 'partial') AND due_date < ?`).pluck(),
      mark: db.prepare('INSERT INTO invoice_reminders (tenant_id, invoice_id, stage, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      stages: db.prepare('SELECT stage FROM invoice_reminders WHERE invoice_id = ?').pluck(),
    };
  }

  /** The tenant's local day now. */
  today(tenantId: string): string {
    return localDate(this.clock.now(), this.zone(tenantId));
  }

  /** Unpaid and partly paid invoices due from `from` through `to` (inclusive), earliest due first. */
  openDueBetween(tenantId: string, from: string, to: string): Invoice[] {
    const pattern = this.urlPattern(tenantId);
    return (this.stmt.open.all(tenantId, from, to) as InvoiceRow[]).map((r) => toInvoice(r, pattern));
  }

  /** Customers with an invoice past its due date today (the broadcast filter "overdue"). */
  overdueCustomers(tenantId: string): string[] {
    return this.stmt.overdueCustomers.all(tenantId, this.today(tenantId)) as string[];
  }

  /**
   * Records that reminder `stage` ('h-3', 'h-1', 'due', 'overdue' ...) went out for an invoice;
   * false when it already had: call it in the transaction that queues the message, and a rerun
   * sends nothing twice.
   */
  markReminder(tenantId: string, invoiceId: string, stage: string): boolean {
    return this.stmt.mark.run(tenantId, invoiceId, stage, this.clock.now()).changes === 1;
  }

  remindersSent(invoiceId: string): string[] {
    return this.stmt.stages.all(invoiceId) as string[];
  }
}
