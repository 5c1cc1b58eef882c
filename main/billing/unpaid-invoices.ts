import type { Db } from '../db/index.js';
import { notFound } from '../platform/index.js';
import type { TemplateVariables } from '../templates/index.js';

/** An invoice the loop acts on: not paid in full and not void. */
export interface UnpaidInvoice {
  id: string;
  customerId: string;
  /** YYYY-MM-DD, the tenant's calendar day. */
  dueDate: string;
}

interface InvoiceFacts {
  id: string;
  number: string;
  customer_code: string;
  period: string;
  due_date: string;
  total: number;
  paid: number;
}

const OPEN = `status IN ('unpaid', 'partial')`;
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** 2026-03 -> "Maret 2026": the period as the customer reads it in a message. */
export const periodLabel = (period: string): string => `${MONTHS[Number(period.slice(5, 7)) - 1] ?? period} ${period.slice(0, 4)}`;

/**
 * What the reminders, the overdue scan and promises read of billing's invoices: the open ones by
 * due day (the invoices_open_by_due index), and an invoice's facts for a message.
 */
export class UnpaidInvoices {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      dueBetween: db.prepare(`SELECT id, customer_id AS customerId, due_date AS dueDate FROM invoices
        WHERE tenant_id = @tenantId AND ${OPEN} AND due_date >= @from AND due_date <= @to ORDER BY due_date, id`),
      oldestOf: db.prepare(`SELECT id, customer_id AS customerId, due_date AS dueDate FROM invoices
        WHERE tenant_id = ? AND customer_id = ? AND ${OPEN} ORDER BY due_date, id LIMIT 1`),
      stillUnpaid: db.prepare(`SELECT id FROM invoices WHERE tenant_id = ? AND ${OPEN} AND id IN (SELECT value FROM json_each(?))`).pluck(),
      facts: db.prepare('SELECT id, number, customer_code, period, due_date, total, paid FROM invoices WHERE tenant_id = ? AND id = ?'),
    };
  }

  /** Open invoices due within [from, to] (from null: any day up to `to`), oldest due first. */
  dueBetween(tenantId: string, from: string | null, to: string): UnpaidInvoice[] {
    return this.stmt.dueBetween.all({ tenantId, from: from ?? '', to }) as UnpaidInvoice[];
  }

  /** The customer's oldest open invoice, or null when they owe nothing. */
  oldestOf(tenantId: string, customerId: string): UnpaidInvoice | null {
    return (this.stmt.oldestOf.get(tenantId, customerId) as UnpaidInvoice | undefined) ?? null;
  }

  /** Which of these invoices are still open. */
  stillUnpaid(tenantId: string, invoiceIds: readonly string[]): Set<string> {
    if (invoiceIds.length === 0) return new Set();
    return new Set(this.stmt.stillUnpaid.all(tenantId, JSON.stringify(invoiceIds)) as string[]);
  }

  /**
   * An invoice's variables as its messages use them: what is still owed (`amount`), the period in
   * words, its number, due day, and the payment link when the tenant set a pattern (`payment_url`
   * absent otherwise, so `{{#if exists(payment_url)}}` lines drop out).
   */
  variables(tenantId: string, invoiceId: string, paymentUrlPattern: string): TemplateVariables {
    const f = this.stmt.facts.get(tenantId, invoiceId) as InvoiceFacts | undefined;
    if (!f) throw notFound();
    const paymentUrl = paymentUrlPattern
      .replaceAll('{{invoice_number}}', encodeURIComponent(f.number))
      .replaceAll('{{invoice_id}}', f.id)
      .replaceAll('{{customer_code}}', encodeURIComponent(f.customer_code));
    return {
      amount: f.total - f.paid,
      period: periodLabel(f.period),
      invoice_code: f.number,
      due_date: f.due_date,
      ...(paymentUrl === '' ? {} : { payment_url: paymentUrl }),
    };
  }
}
