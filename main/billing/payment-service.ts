import { Failure, conflict, notFound } from '../platform/index.js';
import type { Customer } from '../../shared/domain/customer.js';
import type { TimeZone } from '../../shared/util/time.js';
import { localDate } from '../../shared/util/local-date.js';
import type { CustomerBalance, Payment, PaymentRecordInput, PaymentRecordResult } from '../../shared/domain/billing.js';
import type { PaymentRow } from './ledger.js';
import { serialNumber } from './invoice-store.js';
import { announcePaid } from './allocator.js';
import type { BillingParts } from './billing-parts.js';
import { toAllocation } from './invoice-views.js';
import type { ProofFiles } from './proof-files.js';
import type { Reconnector } from './reconnector.js';

export interface PaymentNeeds {
  customers: { get(tenantId: string, id: string): Customer; labels(tenantId: string, ids: readonly string[]): Map<string, { name: string; code: string }> };
  zone(tenantId: string): TimeZone;
  officeCode(tenantId: string): string;
}

/** Who recorded it, as the closing report groups it. */
export interface Staff {
  id: string;
  name: string;
}

const ID_CURSOR = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Payments in, reversals out: a ledger where nothing is edited. A payment goes on the customer's
 * oldest unpaid invoices first; what is left is their credit, spent on the next invoice. A payment
 * that leaves nothing past due reconnects a customer isolated for non-payment at once.
 */
export class PaymentService {
  constructor(
    private readonly parts: BillingParts,
    private readonly proofs: ProofFiles,
    private readonly reconnector: Reconnector,
    private readonly needs: PaymentNeeds,
  ) {}

  record(tenantId: string, input: PaymentRecordInput, staff: Staff): PaymentRecordResult {
    const earlier = this.parts.ledger.byRequestKey(tenantId, input.requestKey);
    if (earlier) return this.repeated(tenantId, earlier, input);
    const customer = this.needs.customers.get(tenantId, input.customerId);
    const id = this.parts.ids.next();
    const proofPath = input.proof ? this.proofs.save(tenantId, id, input.proof) : null;
    let outcome: { paymentId: string; paid: string[] };
    try {
      outcome = this.parts.db
        .transaction(() => {
          // Inside the write lock: a second call with the key (a double click, another window) finds the first here.
          const raced = this.parts.ledger.byRequestKey(tenantId, input.requestKey);
          if (raced) return { paymentId: raced.id, paid: [] };
          const now = this.parts.clock.now();
          const day = localDate(now, this.needs.zone(tenantId));
          this.parts.ledger.insert(tenantId, {
            id,
            customer_id: customer.id,
            kind: 'payment',
            number: this.receiptNumber(tenantId, day),
            reverses_id: null,
            method: input.method,
            amount: input.amount,
            reference: input.reference,
            proof_path: proofPath,
            note: input.note,
            received_by: staff.id,
            received_by_name: staff.name,
            received_at: now,
            local_date: day,
            request_key: input.requestKey,
          });
          const applied = this.parts.allocator.payment(tenantId, customer.id, id, input.amount, now);
          this.parts.bus.publish('payment_recorded', tenantId, { paymentId: id, customerId: customer.id });
          announcePaid(this.parts.bus, tenantId, customer.id, applied);
          return { paymentId: id, paid: applied.filter((a) => a.paidNow).map((a) => a.invoiceId) };
        })
        .immediate();
    } catch (err) {
      if (proofPath) this.proofs.discard(proofPath);
      throw err;
    }
    if (outcome.paymentId !== id) {
      if (proofPath) this.proofs.discard(proofPath);
      return this.repeated(tenantId, this.parts.ledger.get(tenantId, outcome.paymentId) as PaymentRow, input);
    }
    const reconnect = this.reconnector.afterPayment(tenantId, customer, this.overdue(tenantId, customer.id), staff.name);
    return { payment: this.view(tenantId, id), invoicesPaid: outcome.paid, ...this.money(tenantId, customer.id), ...reconnect };
  }

  /** The same request again: its first answer (the reconnect it asked for is under way, or done). */
  private repeated(tenantId: string, earlier: PaymentRow, input: PaymentRecordInput): PaymentRecordResult {
    if (earlier.customer_id !== input.customerId || earlier.amount !== input.amount) throw conflict('requestKey', 'conflicts.requestKeyReused');
    const paid = this.parts.ledger
      .allocationsOfPayment(earlier.id)
      .filter((a) => this.parts.invoices.get(tenantId, a.invoice_id)?.status === 'paid')
      .map((a) => a.invoice_id);
    return { payment: this.view(tenantId, earlier.id), invoicesPaid: paid, ...this.money(tenantId, earlier.customer_id), reconnect: 'none', reconnectActionId: null };
  }

  /**
   * A new entry that undoes a payment: each share it put on an invoice is taken back (the invoice
   * owes it again), and its unspent part is no longer credit. The payment itself stays as recorded.
   */
  reverse(tenantId: string, paymentId: string, reason: string, staff: Staff): Payment {
    const reversalId = this.parts.ids.next();
    this.parts.db
      .transaction(() => {
        const payment = this.parts.ledger.get(tenantId, paymentId);
        if (!payment) throw notFound();
        if (payment.kind !== 'payment') throw conflict('paymentId', 'conflicts.paymentIsReversal');
        if (this.parts.ledger.reversalOf(paymentId)) throw conflict('paymentId', 'conflicts.paymentReversed');
        const now = this.parts.clock.now();
        const day = localDate(now, this.needs.zone(tenantId));
        this.parts.ledger.insert(tenantId, {
          id: reversalId,
          customer_id: payment.customer_id,
          kind: 'reversal',
          number: this.receiptNumber(tenantId, day),
          reverses_id: paymentId,
          method: payment.method,
          amount: payment.amount,
          reference: payment.reference,
          proof_path: null,
          note: reason,
          received_by: staff.id,
          received_by_name: staff.name,
          received_at: now,
          local_date: day,
          request_key: `reverse-${paymentId}`,
        });
        const shares = new Map<string, number>();
        for (const a of this.parts.ledger.allocationsOfPayment(paymentId)) shares.set(a.invoice_id, (shares.get(a.invoice_id) ?? 0) + a.amount);
        for (const [invoiceId, amount] of shares) {
          const invoice = this.parts.invoices.get(tenantId, invoiceId);
          if (!invoice || amount === 0) continue;
          this.parts.allocator.undo(tenantId, invoice, reversalId, amount, now);
          this.parts.bus.publish('invoice_changed', tenantId, { invoiceId, customerId: payment.customer_id });
        }
        this.parts.bus.publish('payment_reversed', tenantId, { paymentId, reversalId, customerId: payment.customer_id });
      })
      .immediate();
    return this.view(tenantId, reversalId);
  }

  /**
   * The next receipt number of the office in the entry's local month, from the invoices' numbering
   * (its own 'KW' series); called inside the entry's IMMEDIATE transaction, so two payments at once
   * queue on the write lock and never take the same number.
   */
  private receiptNumber(tenantId: string, day: string): string {
    const office = this.needs.officeCode(tenantId);
    const period = day.slice(0, 7);
    return serialNumber('KW', period, office, this.parts.invoices.nextNumbers(tenantId, office, period, 1, 'KW'));
  }

  view(tenantId: string, id: string): Payment {
    const row = this.parts.ledger.get(tenantId, id);
    if (!row) throw notFound();
    return this.toPayment(row, this.needs.customers.labels(tenantId, [row.customer_id]));
  }

  /** Newest first, by customer or by day. */
  list(tenantId: string, f: { customerId: string | null; date: string | null; cursor: string | null; limit: number }): { items: Payment[]; nextCursor: string | null } {
    if (f.cursor !== null && !ID_CURSOR.test(f.cursor)) throw new Failure('VALIDATION_FAILED', {}, { cursor: 'validation.invalid' });
    const rows = this.parts.ledger.page(tenantId, f);
    const items = rows.slice(0, f.limit);
    const names = this.needs.customers.labels(tenantId, [...new Set(items.map((r) => r.customer_id))]);
    return { items: items.map((r) => this.toPayment(r, names)), nextCursor: rows.length > f.limit ? (items[items.length - 1]?.id ?? null) : null };
  }

  balance(tenantId: string, customerId: string): CustomerBalance {
    this.needs.customers.get(tenantId, customerId);
    const open = this.parts.invoices.open(tenantId, customerId);
    return { customerId, ...this.money(tenantId, customerId), overdue: this.overdue(tenantId, customerId), unpaidInvoices: open.length };
  }

  private money(tenantId: string, customerId: string): { credit: number; owed: number } {
    const owed = this.parts.invoices.open(tenantId, customerId).reduce((sum, i) => sum + i.total - i.paid, 0);
    return { credit: this.parts.ledger.credit(tenantId, customerId), owed };
  }

  /** What is still owed on invoices whose due date has passed (in the tenant's zone). */
  private overdue(tenantId: string, customerId: string): number {
    const today = localDate(this.parts.clock.now(), this.needs.zone(tenantId));
    return this.parts.invoices
      .open(tenantId, customerId)
      .filter((i) => i.due_date < today)
      .reduce((sum, i) => sum + i.total - i.paid, 0);
  }

  private toPayment(r: PaymentRow, names: ReadonlyMap<string, { name: string; code: string }>): Payment {
    const label = names.get(r.customer_id);
    return {
      id: r.id,
      customerId: r.customer_id,
      customerName: label?.name ?? null,
      customerCode: label?.code ?? null,
      kind: r.kind,
      number: r.number,
      reversesId: r.reverses_id,
      reversedById: r.kind === 'payment' ? this.parts.ledger.reversalOf(r.id) : null,
      method: r.method,
      amount: r.amount,
      reference: r.reference,
      hasProof: r.proof_path !== null,
      note: r.note,
      receivedBy: r.received_by,
      receivedByName: r.received_by_name,
      receivedAt: new Date(r.received_at).toISOString(),
      localDate: r.local_date,
      allocations: this.parts.ledger.allocationsOfPayment(r.id).map(toAllocation),
    };
  }
}
