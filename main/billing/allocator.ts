import type { EventBus } from '../bus/index.js';
import type { InvoiceRow, InvoiceStore } from './invoice-store.js';
import type { Ledger } from './ledger.js';

/** One share of money put on an invoice, and whether that paid it. */
export interface Applied {
  invoiceId: string;
  paymentId: string;
  amount: number;
  paidNow: boolean;
}

/**
 * Puts money on invoices and keeps each invoice's `paid` and status equal to its allocations.
 * Call inside the transaction that records the money.
 */
export class Allocator {
  constructor(
    private readonly invoices: InvoiceStore,
    private readonly ledger: Ledger,
  ) {}

  /** A new payment, on the customer's oldest unpaid invoices first; what is left stays as credit. */
  payment(tenantId: string, customerId: string, paymentId: string, amount: number, now: number): Applied[] {
    const applied: Applied[] = [];
    let left = amount;
    for (const invoice of this.invoices.open(tenantId, customerId)) {
      if (left === 0) break;
      const share = Math.min(left, invoice.total - invoice.paid);
      if (share <= 0) continue;
      applied.push(this.put(tenantId, invoice, paymentId, share, now));
      left -= share;
    }
    return applied;
  }

  /**
   * The customer's credit on a new invoice (the credit is an allocation from the payments it came
   * from, oldest first, not a line on the invoice: the invoice still says what the month costs).
   */
  credit(tenantId: string, invoice: InvoiceRow, now: number): Applied[] {
    const applied: Applied[] = [];
    let current = invoice;
    for (const source of this.ledger.remainders(tenantId, invoice.customer_id)) {
      const share = Math.min(source.left, current.total - current.paid);
      if (share <= 0) break;
      applied.push(this.put(tenantId, current, source.id, share, now));
      current = { ...current, paid: current.paid + share };
    }
    return applied;
  }

  /** A reversal's mirror of one allocation: the invoice owes that share again. */
  undo(tenantId: string, invoice: InvoiceRow, reversalId: string, amount: number, now: number): void {
    this.ledger.allocate(tenantId, invoice.customer_id, reversalId, invoice.id, -amount, now);
    this.invoices.setPaid(invoice.id, invoice.total, invoice.paid - amount, now);
  }

  private put(tenantId: string, invoice: InvoiceRow, paymentId: string, share: number, now: number): Applied {
    this.ledger.allocate(tenantId, invoice.customer_id, paymentId, invoice.id, share, now);
    const paid = invoice.paid + share;
    this.invoices.setPaid(invoice.id, invoice.total, paid, now);
    return { invoiceId: invoice.id, paymentId, amount: share, paidNow: paid >= invoice.total };
  }
}

/** invoice_paid for each invoice the money paid in full (its WhatsApp message goes per invoice). */
export function announcePaid(bus: EventBus, tenantId: string, customerId: string, applied: readonly Applied[]): void {
  for (const a of applied) if (a.paidNow) bus.publish('invoice_paid', tenantId, { invoiceId: a.invoiceId, customerId, paymentId: a.paymentId });
}
