import type { Db } from '../db/index.js';
import { Where } from '../db/index.js';
import { Failure } from '../platform/index.js';
import type { InvoiceKind, InvoiceLineKind, InvoiceStatus } from '../../shared/domain/billing.js';

/** An invoice as stored; its customer's name and code are what it was issued to. */
export interface InvoiceRow {
  id: string;
  tenant_id: string;
  customer_id: string;
  customer_name: string;
  customer_code: string;
  package_id: string | null;
  kind: InvoiceKind;
  period: string;
  /** The first day billed when not the 1st (a prorated first month); null: the whole month. */
  period_start: string | null;
  office: string;
  number: string;
  issue_date: string;
  due_date: string;
  subtotal: number;
  ppn_bps: number;
  ppn_amount: number;
  total: number;
  paid: number;
  status: InvoiceStatus;
  void_reason: string | null;
  voided_by: string | null;
  voided_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface LineRow {
  id: string;
  kind: InvoiceLineKind;
  description: string;
  amount: number;
  created_at: number;
}

/** An invoice about to be inserted, with its lines (the numbers are given by `nextNumbers`). */
export interface NewInvoice {
  id: string;
  customerId: string;
  customerName: string;
  customerCode: string;
  packageId: string | null;
  kind: InvoiceKind;
  period: string;
  periodStart: string | null;
  number: string;
  issueDate: string;
  dueDate: string;
  ppnBps: number;
  requestKey: string | null;
  runId: string | null;
  createdBy: string | null;
  lines: { id: string; kind: InvoiceLineKind; description: string; amount: number }[];
}

/** PPN on a subtotal, rounded half up to whole rupiah. */
export const ppnOf = (subtotal: number, bps: number): number => Math.round((subtotal * bps) / 10_000);

/** What the payments on it make of an invoice. */
export function statusFor(total: number, paid: number): InvoiceStatus {
  if (paid >= total) return 'paid';
  return paid > 0 ? 'partial' : 'unpaid';
}

/** What a sequence numbers: invoices, or receipts (every payment and reversal, 'kwitansi'). */
export type Series = 'INV' | 'KW';

/** 'INV/202612/A-00001': the office code keeps two offices' numbers apart, the sequence keeps one office's. */
export const serialNumber = (series: Series, period: string, office: string, seq: number): string =>
  `${series}/${period.replace('-', '')}/${office}-${String(seq).padStart(5, '0')}`;

export const invoiceNumber = (period: string, office: string, seq: number): string => serialNumber('INV', period, office, seq);

/** Rows per INSERT ... SELECT FROM json_each: big enough to amortise a statement, small enough to keep one JSON text modest. */
const CHUNK = 5_000;
const ID_CURSOR = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export interface InvoiceFilter {
  period: string | null;
  status: InvoiceStatus | null;
  packageId: string | null;
  customerId: string | null;
  /** Invoices of these customers only (an area's, asked of the customers module); null: anyone's. */
  customerIds: readonly string[] | null;
  query: string;
  open: boolean;
  dueFrom: string | null;
  dueTo: string | null;
  cursor: string | null;
  limit: number;
}

/** The invoices, their lines and numbering. Only billing's tables. */
export class InvoiceStore {
  private readonly stmt;

  constructor(private readonly db: Db) {
    this.stmt = {
      lastSeq: db.prepare('SELECT last FROM invoice_sequences WHERE tenant_id = ? AND series = ? AND office = ? AND period = ?').pluck(),
      setSeq: db.prepare(`INSERT INTO invoice_sequences (tenant_id, series, office, period, last) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (tenant_id, series, office, period) DO UPDATE SET last = excluded.last`),
      // ON CONFLICT DO NOTHING: the partial UNIQUE (tenant, customer, period) of monthly invoices
      // makes a second run's insert a no-op whatever raced it; RETURNING says which rows are new.
      insertMany: db
        .prepare(`INSERT INTO invoices (id, tenant_id, customer_id, customer_name, customer_code, package_id, kind, period, office, number,
            issue_date, due_date, subtotal, ppn_bps, ppn_amount, total, paid, status, request_key, run_id, created_by, period_start, created_at, updated_at)
          SELECT value ->> 0, @tenantId, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, @office, value ->> 7,
            value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13, 0, CASE WHEN value ->> 13 <= 0 THEN 'paid' ELSE 'unpaid' END,
            value ->> 14, value ->> 15, value ->> 16, value ->> 17, @now, @now
          FROM json_each(@rows) WHERE true
          ON CONFLICT DO NOTHING
          RETURNING id`)
        .pluck(),
      insertLines: db.prepare(`INSERT INTO invoice_lines (id, tenant_id, invoice_id, kind, description, amount, created_by, created_at)
        SELECT value ->> 0, @tenantId, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, @now FROM json_each(@rows)`),
      get: db.prepare('SELECT * FROM invoices WHERE tenant_id = ? AND id = ?'),
      recordRun: db.prepare(`INSERT INTO billing_runs (id, tenant_id, period, local_date, source, created, started_at, finished_at)
        VALUES (@id, @tenantId, @period, @localDate, @source, @created, @startedAt, @finishedAt)`),
      byRequestKey: db.prepare('SELECT id FROM invoices WHERE tenant_id = ? AND request_key = ?').pluck(),
      lines: db.prepare('SELECT id, kind, description, amount, created_at FROM invoice_lines WHERE invoice_id = ? ORDER BY created_at, id'),
      invoicedFrom: db.prepare(`SELECT customer_id FROM invoices WHERE tenant_id = ? AND kind = 'monthly' AND period >= ?`).pluck(),
      setTotals: db.prepare(`UPDATE invoices SET subtotal = @subtotal, ppn_amount = @ppn, total = @total, status = @status, updated_at = @now
        WHERE id = @id`),
      setPaid: db.prepare('UPDATE invoices SET paid = @paid, status = @status, updated_at = @now WHERE id = @id'),
      void: db.prepare(`UPDATE invoices SET status = 'void', void_reason = @reason, voided_by = @by, voided_at = @now, updated_at = @now
        WHERE id = @id AND status <> 'void'`),
      // Oldest first: a payment settles the earliest debt (what isolates a customer first).
      open: db.prepare(`SELECT * FROM invoices WHERE tenant_id = ? AND customer_id = ? AND status IN ('unpaid', 'partial')
        ORDER BY issue_date, number`),
    };
  }

  /** The next `count` sequence numbers of a series of an office in a month; call inside the inserting transaction. */
  nextNumbers(tenantId: string, office: string, period: string, count: number, series: Series = 'INV'): number {
    const last = (this.stmt.lastSeq.get(tenantId, series, office, period) as number | undefined) ?? 0;
    this.stmt.setSeq.run(tenantId, series, office, period, last + count);
    return last + 1;
  }

  /** Customers that have a monthly invoice for `period` or a later one (a clock moved back issues no older month to them). */
  invoicedFrom(tenantId: string, period: string): Set<string> {
    return new Set(this.stmt.invoicedFrom.all(tenantId, period) as string[]);
  }

  /** Inserts invoices set-based, in chunks; returns the ids actually inserted (a conflicting one is skipped with its lines). */
  insertMany(tenantId: string, office: string, invoices: readonly NewInvoice[], now: number, onChunk?: (done: number) => void): Set<string> {
    const created = new Set<string>();
    for (let start = 0; start < invoices.length; start += CHUNK) {
      const chunk = invoices.slice(start, start + CHUNK);
      const rows = chunk.map((i) => {
        const subtotal = i.lines.reduce((sum, l) => sum + l.amount, 0);
        const ppn = ppnOf(subtotal, i.ppnBps);
        return [i.id, i.customerId, i.customerName, i.customerCode, i.packageId, i.kind, i.period, i.number, i.issueDate, i.dueDate,
          subtotal, i.ppnBps, ppn, subtotal + ppn, i.requestKey, i.runId, i.createdBy, i.periodStart];
      });
      const ids = this.stmt.insertMany.all({ tenantId, office, rows: JSON.stringify(rows), now }) as string[];
      for (const id of ids) created.add(id);
      const lines = chunk.filter((i) => created.has(i.id)).flatMap((i) => i.lines.map((l) => [l.id, i.id, l.kind, l.description, l.amount, i.createdBy]));
      if (lines.length > 0) this.stmt.insertLines.run({ tenantId, rows: JSON.stringify(lines), now });
      onChunk?.(Math.min(start + CHUNK, invoices.length));
    }
    return created;
  }

  recordRun(run: { id: string; tenantId: string; period: string; localDate: string; source: 'schedule' | 'manual'; created: number; startedAt: number; finishedAt: number }): void {
    this.stmt.recordRun.run(run);
  }

  addLine(tenantId: string, invoiceId: string, line: { id: string; kind: InvoiceLineKind; description: string; amount: number }, by: string | null, now: number): void {
    this.stmt.insertLines.run({ tenantId, rows: JSON.stringify([[line.id, invoiceId, line.kind, line.description, line.amount, by]]), now });
  }

  get(tenantId: string, id: string): InvoiceRow | null {
    return (this.stmt.get.get(tenantId, id) as InvoiceRow | undefined) ?? null;
  }

  byRequestKey(tenantId: string, key: string): string | null {
    return (this.stmt.byRequestKey.get(tenantId, key) as string | undefined) ?? null;
  }

  lines(invoiceId: string): LineRow[] {
    return this.stmt.lines.all(invoiceId) as LineRow[];
  }

  /** Recomputes an invoice's subtotal, PPN and total from its lines (after a line was added). */
  retotal(invoice: InvoiceRow, now: number): void {
    const subtotal = this.lines(invoice.id).reduce((sum, l) => sum + l.amount, 0);
    const ppn = ppnOf(subtotal, invoice.ppn_bps);
    this.stmt.setTotals.run({ id: invoice.id, subtotal, ppn, total: subtotal + ppn, status: statusFor(subtotal + ppn, invoice.paid), now });
  }

  setPaid(id: string, total: number, paid: number, now: number): void {
    this.stmt.setPaid.run({ id, paid, status: statusFor(total, paid), now });
  }

  void(id: string, reason: string, by: string | null, now: number): boolean {
    return this.stmt.void.run({ id, reason, by, now }).changes === 1;
  }

  /** A customer's unpaid and partly paid invoices, oldest first. */
  open(tenantId: string, customerId: string): InvoiceRow[] {
    return this.stmt.open.all(tenantId, customerId) as InvoiceRow[];
  }

  /** A page of invoices, newest first, by the screen's filters. */
  list(tenantId: string, f: InvoiceFilter): { items: InvoiceRow[]; nextCursor: string | null } {
    if (f.cursor !== null && !ID_CURSOR.test(f.cursor)) throw new Failure('VALIDATION_FAILED', {}, { cursor: 'validation.invalid' });
    const like = `%${f.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where = new Where()
      .and('tenant_id = ?', tenantId)
      .andIf(f.period, 'period = ?')
      .andIf(f.status, 'status = ?')
      .andIf(f.packageId, 'package_id = ?')
      .andIf(f.customerId, 'customer_id = ?')
      .andIf(f.customerIds, 'customer_id IN (SELECT value FROM json_each(?))', (ids) => [JSON.stringify(ids)])
      .andIf(f.open ? true : null, "status IN ('unpaid', 'partial')", () => [])
      .andIf(f.dueFrom, 'due_date >= ?')
      .andIf(f.dueTo, 'due_date <= ?')
      .andIf(f.query, "(lower(customer_name) LIKE ? ESCAPE '\\' OR lower(customer_code) LIKE ? ESCAPE '\\' OR lower(number) LIKE ? ESCAPE '\\')", () => [like, like, like])
      .andIf(f.cursor, 'id < ?');
    const rows = this.db.prepare(`SELECT * FROM invoices ${where.sql} ORDER BY id DESC LIMIT ?`).all(...where.params, f.limit + 1) as InvoiceRow[];
    const items = rows.slice(0, f.limit);
    return { items, nextCursor: rows.length > f.limit ? (items[items.length - 1]?.id ?? null) : null };
  }
}
