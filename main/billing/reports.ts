import type { Db } from '../db/index.js';
import type { Clock } from '../platform/index.js';
import type { TimeZone } from '../../shared/util/time.js';
import { addDays, daysInMonth, localDate } from '../../shared/util/local-date.js';
import type { BillingSummary, ClosingInput, ClosingReport } from '../../shared/domain/billing.js';
import type { CustomersService } from '../customers/index.js';
import type { Ledger } from './ledger.js';

/** A payment counts in, its reversal counts out, on the day each was entered. */
const SIGNED = "CASE kind WHEN 'payment' THEN amount ELSE -amount END";

/** Pages of the customer list's own search, read through to the end (isolated customers are a few hundred at most). */
const ISOLATED_PAGE = 1000;

/** The dashboard's money cards and the daily / monthly closing, from billing's own tables. */
export class BillingReports {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly zone: (tenantId: string) => TimeZone,
    private readonly ledger: Ledger,
    private readonly customers: Pick<CustomersService, 'list'>,
  ) {
    this.stmt = {
      collected: db.prepare(`SELECT COALESCE(SUM(${SIGNED}), 0) FROM payments WHERE tenant_id = ? AND local_date BETWEEN ? AND ?`).pluck(),
      // The open invoices' partial index holds exactly what is owed, with the due date first.
      open: db.prepare(`SELECT COUNT(*) AS count, COALESCE(SUM(total - paid), 0) AS amount FROM invoices
        WHERE tenant_id = ? AND status IN ('unpaid', 'partial') AND due_date BETWEEN ? AND ?`),
      byMethod: db.prepare(`SELECT method, SUM(${SIGNED}) AS amount, SUM(kind = 'payment') AS count FROM payments
        WHERE tenant_id = ? AND local_date BETWEEN ? AND ? GROUP BY method ORDER BY method`),
      byStaff: db.prepare(`SELECT received_by AS userId, MAX(received_by_name) AS name, SUM(${SIGNED}) AS amount, SUM(kind = 'payment') AS count
        FROM payments WHERE tenant_id = ? AND local_date BETWEEN ? AND ? GROUP BY received_by ORDER BY amount DESC`),
      totals: db.prepare(`SELECT COALESCE(SUM(CASE kind WHEN 'payment' THEN amount END), 0) AS payments,
          COALESCE(SUM(CASE kind WHEN 'reversal' THEN amount END), 0) AS reversed FROM payments WHERE tenant_id = ? AND local_date BETWEEN ? AND ?`),
      openByPeriod: db.prepare(`SELECT period, COUNT(*) AS count, SUM(total - paid) AS amount FROM invoices
        WHERE tenant_id = ? AND status IN ('unpaid', 'partial') GROUP BY period ORDER BY period`),
      owedBy: db.prepare(`SELECT customer_id AS customerId, SUM(total - paid) AS owed FROM invoices
        WHERE tenant_id = ? AND status IN ('unpaid', 'partial') AND customer_id IN (SELECT value FROM json_each(?)) GROUP BY customer_id`),
      // By month first (the period index), then the days.
      issued: db.prepare(`SELECT COUNT(*) AS issued, COALESCE(SUM(CASE WHEN status <> 'void' THEN total END), 0) AS amount,
          COALESCE(SUM(status = 'paid'), 0) AS paid, COALESCE(SUM(status = 'void'), 0) AS void
        FROM invoices WHERE tenant_id = ? AND period = ? AND issue_date BETWEEN ? AND ?`),
    };
  }

  summary(tenantId: string): BillingSummary {
    const today = localDate(this.clock.now(), this.zone(tenantId));
    const open = (from: string, to: string) => this.stmt.open.get(tenantId, from, to) as { count: number; amount: number };
    const unpaid = open('0000-01-01', '9999-12-31');
    const week = open(today, addDays(today, 6));
    const overdue = open('0000-01-01', addDays(today, -1));
    return {
      today,
      collectedToday: this.stmt.collected.get(tenantId, today, today) as number,
      collectedThisMonth: this.stmt.collected.get(tenantId, `${today.slice(0, 7)}-01`, today) as number,
      unpaidTotal: unpaid.amount,
      unpaidCount: unpaid.count,
      dueThisWeekTotal: week.amount,
      dueThisWeekCount: week.count,
      overdueTotal: overdue.amount,
      overdueCount: overdue.count,
      creditTotal: [...this.ledger.credits(tenantId).values()].reduce((sum, c) => sum + c, 0),
    };
  }

  closing(tenantId: string, input: ClosingInput): ClosingReport {
    const [from, to] = input.kind === 'daily' ? [input.date, input.date] : [`${input.period}-01`, `${input.period}-${String(daysInMonth(input.period)).padStart(2, '0')}`];
    const totals = this.stmt.totals.get(tenantId, from, to) as { payments: number; reversed: number };
    return {
      kind: input.kind,
      from,
      to,
      collected: totals.payments - totals.reversed,
      payments: totals.payments,
      reversed: totals.reversed,
      byMethod: this.stmt.byMethod.all(tenantId, from, to) as ClosingReport['byMethod'],
      byStaff: this.stmt.byStaff.all(tenantId, from, to) as ClosingReport['byStaff'],
      invoices: this.stmt.issued.get(tenantId, from.slice(0, 7), from, to) as ClosingReport['invoices'],
      unpaid: this.stmt.open.get(tenantId, '0000-01-01', '9999-12-31') as ClosingReport['unpaid'],
      unpaidByPeriod: this.stmt.openByPeriod.all(tenantId) as ClosingReport['unpaidByPeriod'],
      isolated: this.isolated(tenantId),
    };
  }

  /** Who is isolated now (the customers module knows), with what each still owes here, most owed first. */
  private isolated(tenantId: string): ClosingReport['isolated'] {
    const customers: { id: string; code: string; name: string; packageName: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = this.customers.list(tenantId, { query: '', status: 'isolated', packageId: null, area: null, cursor, limit: ISOLATED_PAGE });
      customers.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const owed = new Map(
      (this.stmt.owedBy.all(tenantId, JSON.stringify(customers.map((c) => c.id))) as { customerId: string; owed: number }[]).map((r) => [r.customerId, r.owed]),
    );
    return customers
      .map((c) => ({ customerId: c.id, code: c.code, name: c.name, packageName: c.packageName, owed: owed.get(c.id) ?? 0 }))
      .sort((a, b) => b.owed - a.owed);
  }
}
