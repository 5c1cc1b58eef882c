import type { NotificationRule } from '../wa/index.js';
import type { CustomersService } from '../customers/index.js';
import type { TemplateVariables } from '../templates/index.js';
import { notFound } from '../platform/index.js';
import { periodLabel } from '../../shared/util/local-date.js';
import type { InvoiceService } from './invoice-service.js';
import type { Promises } from './promises.js';

/**
 * An invoice's variables in the loop's messages: what is still owed (`amount`), the period in
 * words, its number, due day, and the payment link when the tenant set a pattern (absent
 * otherwise, so `{{#if exists(payment_url)}}` lines drop out). Gone: NOT_FOUND, which the notifier skips.
 */
const invoiceVariables =
  (invoices: InvoiceService) =>
  (tenantId: string, invoiceId: string): TemplateVariables => {
    const invoice = invoices.view(tenantId, invoiceId);
    if (!invoice) throw notFound();
    return {
      amount: invoice.balance,
      period: periodLabel(invoice.period),
      invoice_code: invoice.number,
      due_date: invoice.dueDate,
      ...(invoice.paymentUrl === null ? {} : { payment_url: invoice.paymentUrl }),
    };
  };

/**
 * The loop's WhatsApp messages. Each message's entity is the event's own step of the invoice, so
 * WhatsApp's idempotency key tells a reminder 3 days before from the one on the day; a customer
 * marked "tidak ada WhatsApp" gets none, and one deleted meanwhile reads as NOT_FOUND (skipped).
 */
export function loopNotificationRules(customers: CustomersService, invoices: InvoiceService, promises: Promises) {
  const variablesOf = invoiceVariables(invoices);
  const reminder: NotificationRule<'invoice_due_reminder'> = {
    event: 'invoice_due_reminder',
    template: 'invoice_due_reminder',
    deliveries: (e, ispName) => {
      const c = customers.get(e.tenantId, e.payload.customerId);
      if (!c.whatsapp) return [];
      const variables = { ...variablesOf(e.tenantId, e.payload.invoiceId), name: c.name, isp_name: ispName };
      return [{ to: c.phone, entityType: 'invoice_reminder', entityId: `${e.payload.invoiceId}:${e.payload.step}`, variables }];
    },
  };
  const overdue: NotificationRule<'invoice_overdue'> = {
    event: 'invoice_overdue',
    template: 'invoice_overdue',
    deliveries: (e, ispName) => {
      const c = customers.get(e.tenantId, e.payload.customerId);
      if (!c.whatsapp) return [];
      const variables = { ...variablesOf(e.tenantId, e.payload.invoiceId), name: c.name, isp_name: ispName, days_until_isolation: e.payload.daysUntilIsolation };
      return [{ to: c.phone, entityType: 'invoice', entityId: e.payload.invoiceId, variables }];
    },
  };
  // Made and broken say the same facts (the promised day, what is owed): one rule shape for both.
  const promiseRule = <E extends 'payment_promise_made' | 'payment_promise_broken'>(event: E): NotificationRule<E> => ({
    event,
    template: event,
    deliveries: (e, ispName) => {
      const c = customers.get(e.tenantId, e.payload.customerId);
      if (!c.whatsapp) return [];
      const promise = promises.get(e.tenantId, e.payload.promiseId);
      const variables = { ...variablesOf(e.tenantId, promise.invoiceId), name: c.name, isp_name: ispName, promised_date: promise.promisedDate };
      return [{ to: c.phone, entityType: 'payment_promise', entityId: promise.id, variables }];
    },
  });
  return [reminder, overdue, promiseRule('payment_promise_made'), promiseRule('payment_promise_broken')] as const;
}
