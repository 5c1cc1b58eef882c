import { conflict, notFound } from '../platform/index.js';
import type { BillingDocument } from '../../shared/domain/billing-document.js';
import type { TenantProfile } from '../../shared/domain/tenant-profile.js';
import type { Customer } from '../../shared/domain/customer.js';
import type { PaymentMethod } from '../../shared/domain/billing.js';
import type { TimeZone } from '../../shared/util/time.js';
import { daysInMonth } from '../../shared/util/local-date.js';
import { ppnOf, type InvoiceRow, type InvoiceStore } from './invoice-store.js';
import type { Ledger } from './ledger.js';
import { fillPaymentUrl } from '../../shared/util/payment-url.js';

export interface DocumentSources {
  profile(tenantId: string): TenantProfile;
  zone(tenantId: string): TimeZone;
  customer(tenantId: string, id: string): Pick<Customer, 'name' | 'code' | 'address' | 'phone'> | null;
  paymentUrlPattern(tenantId: string): string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The paper says cash or transfer, and which kind of account a transfer went to: "Bank" and
 * "E-wallet" read the same in Indonesian and English, so the document stays language-free.
 */
function paidBy(method: PaymentMethod): { method: 'cash' | 'transfer'; account: string } {
  if (method === 'cash') return { method: 'cash', account: '' };
  return { method: 'transfer', account: method === 'bank' ? 'Bank' : 'E-wallet' };
}

/**
 * 2026-12 -> 2026-12-01 .. 2026-12-31: the days a monthly invoice bills; a prorated first month
 * from its start day (2026-12-17 .. 2026-12-31), what its line charged for.
 */
function periodOf(row: InvoiceRow): { start: string; end: string } {
  return { start: row.period_start ?? `${row.period}-01`, end: `${row.period}-${String(daysInMonth(row.period)).padStart(2, '0')}` };
}

/**
 * An invoice's issue day is a calendar day; the document takes an instant. Midnight UTC falls on
 * that same day in WIB, WITA and WIT (7 to 9 hours ahead), so it prints as stored.
 */
const dayAsInstant = (day: string) => `${day}T00:00:00.000Z`;

/**
 * What billing prints: an invoice or a payment's receipt as a BillingDocument, read from billing's
 * own rows as stored. An invoice prints as it stands now (its lines, what was paid, the customer's
 * credit). A receipt prints the ledger as it stood when the payment was recorded (the ledger is
 * append only, so nothing later changes it): the invoices the payment went to, what they owed and
 * the credit at that moment, so a reprint from history says what the first print said.
 */
export class DocumentBuilder {
  constructor(
    private readonly invoices: InvoiceStore,
    private readonly ledger: Ledger,
    private readonly sources: DocumentSources,
  ) {}

  invoice(tenantId: string, id: string): BillingDocument {
    const row = this.invoices.get(tenantId, id);
    if (!row) throw notFound();
    return this.invoiceDocument(tenantId, row);
  }

  /** Invoices already read (by id or by the list's filter), in that order. */
  invoiceDocuments(tenantId: string, rows: readonly InvoiceRow[]): BillingDocument[] {
    return rows.map((row) => this.invoiceDocument(tenantId, row));
  }

  /**
   * A payment's receipt. A reversed payment, or a reversal entry, gets none (CONFLICT): a receipt is
   * the customer's proof of payment, and a paper proving money that was taken back must not come
   * out of the printer again; the history row shows the reversal instead.
   */
  receipt(tenantId: string, paymentId: string): BillingDocument {
    const payment = this.ledger.get(tenantId, paymentId);
    if (!payment) throw notFound();
    if (payment.kind !== 'payment') throw conflict('paymentId', 'conflicts.receiptOfReversal');
    if (this.ledger.reversalOf(payment.id)) throw conflict('paymentId', 'conflicts.receiptReversed');
    const at = payment.received_at;
    const invoices = this.ledger.sharesOfPayment(payment.id, at).flatMap(({ invoiceId }) => {
      const row = this.invoices.get(tenantId, invoiceId);
      if (!row) return [];
      const subtotal = this.invoices
        .lines(row.id)
        .filter((line) => line.created_at <= at)
        .reduce((sum, line) => sum + line.amount, 0);
      const total = subtotal + ppnOf(subtotal, row.ppn_bps);
      return [{ row, total, paid: this.ledger.paidUntil(row.id, at) }];
    });
    const total = invoices.reduce((sum, i) => sum + i.total, 0);
    const paid = invoices.reduce((sum, i) => sum + i.paid, 0);
    const issued = invoices[0]?.row;
    const only = invoices.length === 1 ? issued : undefined;
    const customer = this.sources.customer(tenantId, payment.customer_id);
    return {
      kind: 'receipt',
      number: payment.number,
      issuedAt: iso(at),
      dueDate: null,
      period: only && only.kind === 'monthly' ? periodOf(only) : null,
      timezone: this.sources.zone(tenantId),
      isp: this.sources.profile(tenantId),
      // The name and code the invoices it paid were issued to (as stored); a payment that paid none
      // (all credit) has the customer's own. Address and phone are stored nowhere else: today's.
      customer: {
        name: issued?.customer_name ?? customer?.name ?? '',
        code: issued?.customer_code ?? customer?.code ?? '',
        address: customer?.address ?? '',
        phone: customer?.phone ?? '',
      },
      // One line per invoice paid, with its total (its PPN included: the invoice itself shows it).
      lines: invoices.map((i) => ({ description: i.row.number, amount: i.total })),
      subtotal: total,
      ppn: { rate: 0, amount: 0 },
      total,
      paid,
      balanceDue: Math.max(0, total - paid),
      credit: this.ledger.creditUntil(tenantId, payment.customer_id, at),
      payment: {
        ...paidBy(payment.method),
        reference: payment.reference,
        receivedAt: iso(at),
        receivedBy: payment.received_by_name ?? '',
        amount: payment.amount,
      },
      paymentUrl: null,
    };
  }

  /** A void invoice is refused (CONFLICT): it is owed by no one, and a printed one would be paid. */
  private invoiceDocument(tenantId: string, row: InvoiceRow): BillingDocument {
    if (row.status === 'void') throw conflict('invoiceId', 'conflicts.invoiceVoidPrint');
    // The name and code the invoice was issued to; the address and phone are the customer's own now.
    const contact = this.sources.customer(tenantId, row.customer_id);
    return {
      kind: 'invoice',
      number: row.number,
      issuedAt: dayAsInstant(row.issue_date),
      dueDate: row.due_date,
      period: row.kind === 'monthly' ? periodOf(row) : null,
      timezone: this.sources.zone(tenantId),
      isp: this.sources.profile(tenantId),
      customer: { name: row.customer_name, code: row.customer_code, address: contact?.address ?? '', phone: contact?.phone ?? '' },
      lines: this.invoices.lines(row.id).map((line) => ({ description: line.description, amount: line.amount })),
      subtotal: row.subtotal,
      ppn: { rate: row.ppn_bps / 100, amount: row.ppn_amount },
      total: row.total,
      paid: row.paid,
      balanceDue: Math.max(0, row.total - row.paid),
      credit: this.ledger.credit(tenantId, row.customer_id),
      payment: null,
      paymentUrl: fillPaymentUrl(this.sources.paymentUrlPattern(tenantId), { id: row.id, number: row.number, customerCode: row.customer_code }),
    };
  }
}
