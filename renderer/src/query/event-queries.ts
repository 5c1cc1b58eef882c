import type { EventName } from '../../../shared/contract/events.js';
import type { MethodName } from '../../../shared/contract/index.js';

/** Which methods' answers an event makes stale. One table, so a new event or screen is one line. */
export const STALE_AFTER: Record<EventName, readonly MethodName[]> = {
  customer_created: ['customers.list', 'customers.get', 'customers.duplicates', 'customers.areas', 'dashboard.summary', 'packages.list'],
  customer_updated: ['customers.list', 'customers.get', 'customers.duplicates', 'customers.areas', 'dashboard.summary', 'packages.list'],
  customer_deactivated: ['customers.list', 'customers.get', 'customers.duplicates', 'dashboard.summary', 'packages.list'],
  customer_reactivated: ['customers.list', 'customers.get', 'customers.duplicates', 'dashboard.summary', 'packages.list'],
  // The router confirmed: the customer's status moved too.
  customer_isolated: ['isolir.list', 'isolir.history', 'customers.list', 'customers.get', 'dashboard.summary'],
  customer_reconnected: ['isolir.list', 'isolir.history', 'customers.list', 'customers.get', 'dashboard.summary'],
  customer_online: ['sessions.customer', 'sessions.router'],
  customer_offline: ['sessions.customer', 'sessions.router'],
  sessions_changed: ['sessions.customer', 'sessions.router'],
  isolir_changed: ['isolir.list', 'isolir.history'],
  provisioning_changed: ['provisioning.state'],
  router_reconciled: ['provisioning.drift'],
  customers_imported: ['customers.list', 'customers.get', 'customers.duplicates', 'customers.areas', 'dashboard.summary', 'packages.list', 'customers.import.history'],
  package_changed: ['packages.list', 'customers.list', 'customers.get', 'dashboard.summary'],
  router_changed: ['routers.list', 'routers.get', 'customers.list', 'customers.get'],
  tenant_updated: ['tenant.get'],
  user_changed: ['users.list', 'auth.me'],
  wa_session_changed: ['wa.session.status'],
  wa_activity: ['wa.logs.list', 'wa.metrics', 'wa.broadcast.list', 'wa.failures.list'],
  // Billing: an invoice or a payment changed what is owed, collected and credited.
  invoice_created: ['billing.invoices.list', 'billing.invoices.get', 'billing.summary', 'billing.customers.balance', 'billing.reports.closing'],
  invoices_generated: ['billing.invoices.list', 'billing.summary', 'billing.customers.balance', 'billing.reports.closing'],
  invoice_changed: ['billing.invoices.list', 'billing.invoices.get', 'billing.summary', 'billing.customers.balance', 'billing.reports.closing'],
  invoice_paid: ['billing.invoices.list', 'billing.invoices.get', 'billing.summary', 'billing.customers.balance', 'billing.reports.closing'],
  payment_recorded: ['billing.payments.list', 'billing.invoices.list', 'billing.invoices.get', 'billing.summary', 'billing.customers.balance', 'billing.reports.closing'],
  payment_reversed: ['billing.payments.list', 'billing.invoices.list', 'billing.invoices.get', 'billing.summary', 'billing.customers.balance', 'billing.reports.closing'],
  // Progress only: the bar reads the event itself; the list re-reads on invoices_generated.
  billing_progress: [],
  // The money loop: reminders and notices change nothing shown but the WhatsApp log; exemptions and promises show on the customer.
  invoice_due_reminder: [],
  invoice_overdue: [],
  isolir_exemption_changed: ['billing.exemptions.list'],
  payment_promise_made: ['billing.promises.list'],
  payment_promise_changed: ['billing.promises.list'],
  payment_promise_broken: ['billing.promises.list'],
  // The core came back after a crash: anything may have changed while nobody was listening.
  core_restarted: [],
};
