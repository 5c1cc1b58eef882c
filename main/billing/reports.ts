import type { Db } from '../db/index.js';
import type { Clock } from '../platform/index.js';
import type { TimeZone } from '../../shared/util/time.js';
import { addDays, daysInMonth, localDate } from '../../shared/util/local-date.js';
import type { BillingSummary, ClosingReport, PaymentMethod } from '../../shared/domain/billing.js';
import type { Ledger } from './ledger.js';

/** A payment counts in, its reversal counts out, on the day each was entered. */
const SIGNED = "CASE kind WHEN 'payment' THEN amount ELSE -amount END";

const METHOD_LABELS: Record<PaymentMethod, string> = { cash: 'Tunai', bank: 'Transfer bank', ewallet: 'E-wallet' };

/** A CSV field, quoted when it must be (a staff name with a comma). */
const field = (v: string | number) => (typeof v === 'number' || !/[",\n]/.test(v) ? String(v) : `"${v.replaceAll('"', '""')}"`);

/** The dashboard's money cards and the daily / monthly closing, from billing's own tables. */
export class BillingReports {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly zone: (tenantId: string) => TimeZone,
    private readonly ledger: Ledger,
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

  closing(tenantId: string, input: { kind: 'daily'; date: string } | { kind: 'monthly'; period: string }): ClosingReport {
    const [from, to] = input.kind === 'daily' ? [input.date, input.date] : [`${input.period}-01`, `${input.period}-${String(daysInMonth(input.period)).padStart(2, '0')}`];
    const totals = this.stmt.totals.get(tenantId, from, to) as { payments: number; reversed: number };
    const byMethod = this.stmt.byMethod.all(tenantId, from, to) as ClosingReport['byMethod'];
    const byStaff = this.stmt.byStaff.all(tenantId, from, to) as ClosingReport['byStaff'];
    const invoices = this.stmt.issued.get(tenantId, from.slice(0, 7), from, to) as ClosingReport['invoices'];
    const unpaid = this.stmt.open.get(tenantId, '0000-01-01', '9999-12-31') as ClosingReport['unpaid'];
    const collected = totals.payments - totals.reversed;
    const csv = [
      ['Laporan', input.kind === 'daily' ? 'Harian' : 'Bulanan', from, to],
      ['Terkumpul', collected],
      ['Pembayaran', totals.payments],
      ['Dibatalkan', totals.reversed],
      [],
      ['Metode', 'Jumlah', 'Transaksi'],
      ...byMethod.map((m) => [METHOD_LABELS[m.method], m.amount, m.count]),
      [],
      ['Petugas', 'Jumlah', 'Transaksi'],
      ...byStaff.map((s) => [s.name ?? '-', s.amount, s.count]),
      [],
      ['Tagihan terbit', invoices.issued],
      ['Nilai tagihan terbit', invoices.amount],
      ['Tagihan terbit yang lunas', invoices.paid],
      ['Tagihan dibatalkan', invoices.void],
      ['Belum dibayar (semua)', unpaid.count],
      ['Nilai belum dibayar', unpaid.amount],
    ]
      .map((row) => row.map(field).join(','))
      .join('\n');
    return { kind: input.kind, from, to, collected, payments: totals.payments, reversed: totals.reversed, byMethod, byStaff, invoices, unpaid, csv: `${csv}\n` };
  }
}
