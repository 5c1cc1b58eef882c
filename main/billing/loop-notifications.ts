import type { NotificationRule } from '../wa/index.js';
import type { CustomersService } from '../customers/index.js';
import type { TemplateVariables } from '../templates/index.js';
import type { Promises } from './promises.js';

/**
 * An invoice's variables as every invoice message has them (amount, period, invoice_code,
 * due_date, payment_url when the tenant set a pattern): billing's own invoice_created rule makes
 * the same, so a reminder and a notice read like the invoice they are about.
 */
export type InvoiceVariables = (tenantId: string, invoiceId: string) => TemplateVariables;

/**
 * The loop's WhatsApp messages. Each message's entity is the event's own step of the invoice, so
 * WhatsApp's idempotency key tells a reminder 3 days before from the one on the day; a customer
 * marked "tidak ada WhatsApp" gets none, and one deleted meanwhile reads as NOT_FOUND (skipped).
 */
export function loopNotificationRules(customers: CustomersService, invoiceVariables: InvoiceVariables, promises: Promises) {
  const reminder: NotificationRule<'invoice_due_reminder'> = {
    event: 'invoice_due_reminder',
    template: 'invoice_due_reminder',
    deliveries: (e, ispName) => {
      const c = customers.get(e.tenantId, e.payload.customerId);
      if (!c.whatsapp) return [];
      const variables = { ...invoiceVariables(e.tenantId, e.payload.invoiceId), name: c.name, isp_name: ispName };
      return [{ to: c.phone, entityType: 'invoice_reminder', entityId: `${e.payload.invoiceId}:${e.payload.step}`, variables }];
    },
  };
  const overdue: NotificationRule<'invoice_overdue'> = {
    event: 'invoice_overdue',
    template: 'invoice_overdue',
    deliveries: (e, ispName) => {
      const c = customers.get(e.tenantId, e.payload.customerId);
      if (!c.whatsapp) return [];
      const variables = { ...invoiceVariables(e.tenantId, e.payload.invoiceId), name: c.name, isp_name: ispName, days_until_isolation: e.payload.daysUntilIsolation };
      return [{ to: c.phone, entityType: 'invoice', entityId: e.payload.invoiceId, variables }];
    },
  };
  const promiseMade: NotificationRule<'payment_promise_made'> = {
    event: 'payment_promise_made',
    template: 'payment_promise_made',
    deliveries: (e, ispName) => {
      const c = customers.get(e.tenantId, e.payload.customerId);
      if (!c.whatsapp) return [];
      const promise = promises.get(e.tenantId, e.payload.promiseId);
      const variables = { ...invoiceVariables(e.tenantId, promise.invoiceId), name: c.name, isp_name: ispName, promised_date: promise.promisedDate };
      return [{ to: c.phone, entityType: 'payment_promise', entityId: promise.id, variables }];
    },
  };
  return [reminder, overdue, promiseMade] as const;
}
