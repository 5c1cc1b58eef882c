import type { Allocation, Invoice, InvoiceLine } from '../../shared/domain/billing.js';
import type { InvoiceRow, LineRow } from './invoice-store.js';
import type { AllocationRow } from './ledger.js';
import { fillPaymentUrl } from '../../shared/util/payment-url.js';

const iso = (ms: number) => new Date(ms).toISOString();

export function toInvoice(r: InvoiceRow, urlPattern: string): Invoice {
  return {
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerCode: r.customer_code,
    kind: r.kind,
    period: r.period,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    subtotal: r.subtotal,
    ppnBps: r.ppn_bps,
    ppnAmount: r.ppn_amount,
    total: r.total,
    paid: r.paid,
    balance: r.status === 'void' ? 0 : Math.max(0, r.total - r.paid),
    status: r.status,
    voidReason: r.void_reason,
    voidedBy: r.voided_by,
    voidedAt: r.voided_at === null ? null : iso(r.voided_at),
    paymentUrl: r.status === 'void' ? null : fillPaymentUrl(urlPattern, { id: r.id, number: r.number, customerCode: r.customer_code }),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export const toLine = (l: LineRow): InvoiceLine => ({ id: l.id, kind: l.kind, description: l.description, amount: l.amount, createdAt: iso(l.created_at) });

export function toAllocation(a: AllocationRow): Allocation {
  return {
    paymentId: a.payment_id,
    invoiceId: a.invoice_id,
    invoiceNumber: a.invoice_number,
    amount: a.amount,
    paymentKind: a.payment_kind,
    method: a.method,
    receivedAt: iso(a.received_at),
  };
}
