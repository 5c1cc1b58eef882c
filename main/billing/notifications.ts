import type { NotificationRule } from '../wa/index.js';
import type { CustomersService } from '../customers/index.js';
import { notFound } from '../platform/index.js';
import { periodLabel } from '../../shared/util/local-date.js';
import type { Invoice, Payment, PaymentMethod } from '../../shared/domain/billing.js';

/** What the rules read of billing: an invoice as messages show it, a payment, what a customer still owes. */
export interface BillingFacts {
  invoice(tenantId: string, id: string): Invoice | null;
  payment(tenantId: string, id: string): Payment;
  balance(tenantId: string, customerId: string): { owed: number; credit: number; oldestOpen: Invoice | null };
}

const METHOD_NAMES: Record<PaymentMethod, string> = { cash: 'Tunai', bank: 'Transfer bank', ewallet: 'E-wallet' };

/** The link only when the tenant set a pattern: `{{#if exists(payment_url)}}` lines drop out otherwise. */
const link = (url: string | null) => (url === null ? {} : { payment_url: url });

/**
 * WhatsApp for billing's events, each to the customer (none to a number marked "tidak ada
 * WhatsApp"; an invoice or customer gone answers NOT_FOUND, which the notifier skips):
 * - invoice_created: a one-off invoice always, the monthly ones when the tenant turned them on;
 * - invoice_paid: one message per invoice paid in full;
 * - payment_recorded: only for money that paid no invoice in full (a part, or credit): a payment
 *   that did is told by invoice_paid, and the customer gets one message, not two.
 */
export function billingNotificationRules(customers: CustomersService, facts: BillingFacts) {
  const contact = (tenantId: string, customerId: string) => {
    const c = customers.find(tenantId, customerId);
    if (!c) throw notFound();
    return c.whatsapp ? c : null;
  };
  const invoiceOf = (tenantId: string, id: string) => {
    const invoice = facts.invoice(tenantId, id);
    if (!invoice) throw notFound();
    return invoice;
  };
  const created: NotificationRule<'invoice_created'> = {
    event: 'invoice_created',
    template: 'invoice_created',
    deliveries: (e, ispName) => {
      const c = contact(e.tenantId, e.payload.customerId);
      const i = invoiceOf(e.tenantId, e.payload.invoiceId);
      if (!c || i.status === 'void') return [];
      const variables = { name: c.name, amount: i.total, period: periodLabel(i.period), invoice_code: i.number, due_date: i.dueDate, ...link(i.paymentUrl), isp_name: ispName };
      return [{ to: c.phone, entityType: 'invoice', entityId: i.id, variables }];
    },
  };
  const paid: NotificationRule<'invoice_paid'> = {
    event: 'invoice_paid',
    template: 'invoice_paid',
    deliveries: (e, ispName) => {
      const c = contact(e.tenantId, e.payload.customerId);
      if (!c) return [];
      const i = invoiceOf(e.tenantId, e.payload.invoiceId);
      const p = facts.payment(e.tenantId, e.payload.paymentId);
      const variables = { name: c.name, amount: i.total, invoice_code: i.number, period: periodLabel(i.period), paid_at: p.receivedAt, payment_method: METHOD_NAMES[p.method], isp_name: ispName };
      return [{ to: c.phone, entityType: 'invoice', entityId: i.id, variables }];
    },
  };
  const recorded: NotificationRule<'payment_recorded'> = {
    event: 'payment_recorded',
    template: 'payment_recorded',
    deliveries: (e, ispName) => {
      const c = contact(e.tenantId, e.payload.customerId);
      if (!c) return [];
      const p = facts.payment(e.tenantId, e.payload.paymentId);
      if (p.allocations.some((a) => facts.invoice(e.tenantId, a.invoiceId)?.status === 'paid')) return [];
      const { owed, credit, oldestOpen } = facts.balance(e.tenantId, c.id);
      const variables = {
        name: c.name,
        amount: p.amount,
        remaining_amount: owed,
        credit_amount: credit,
        ...(oldestOpen ? { due_date: oldestOpen.dueDate, ...link(oldestOpen.paymentUrl) } : {}),
        isp_name: ispName,
      };
      return [{ to: c.phone, entityType: 'payment', entityId: p.id, variables }];
    },
  };
  return [created, paid, recorded] as const;
}
