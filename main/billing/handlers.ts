import type { AuthedContext, Handlers, MethodsUnder } from '../module-kit/index.js';
import type { SettingsStore } from './settings-store.js';
import type { InvoiceGenerator } from './invoice-generator.js';
import type { InvoiceService } from './invoice-service.js';
import type { PaymentService, Staff } from './payment-service.js';
import type { BillingReports } from './reports.js';
import type { ReportExporter } from './report-export.js';
import type { LoopMethods } from './loop-handlers.js';
import type { Printing } from './printing.js';

// The loop's methods (exemptions, promises, its settings) are handled in loop-handlers.ts.
type BillingMethods = Exclude<MethodsUnder<'billing.'>, LoopMethods>;

interface BillingServices {
  settings: SettingsStore;
  generator: InvoiceGenerator;
  invoices: InvoiceService;
  payments: PaymentService;
  reports: BillingReports;
  exporter: ReportExporter;
  printing: Printing;
}

const staff = (ctx: AuthedContext): Staff => ({ id: ctx.caller.user.id, name: ctx.caller.user.displayName });

export const billingHandlers = (s: BillingServices): Pick<Handlers, BillingMethods> => ({
  'billing.settings.get': (_input, ctx) => s.settings.get(ctx.caller.tenantId),
  'billing.settings.update': (input, ctx) => s.settings.update(ctx.caller.tenantId, input, ctx.caller.user.id),
  'billing.invoices.generate': (_input, ctx) => s.generator.generate(ctx.caller.tenantId, 'manual', ctx.caller.user.displayName),
  'billing.invoices.list': (input, ctx) => s.invoices.list(ctx.caller.tenantId, input),
  'billing.invoices.get': (input, ctx) => s.invoices.get(ctx.caller.tenantId, input.id),
  'billing.invoices.create': (input, ctx) => s.invoices.createOneOff(ctx.caller.tenantId, input, ctx.caller.user.displayName),
  'billing.invoices.addLine': (input, ctx) => s.invoices.addLine(ctx.caller.tenantId, input, ctx.caller.user.displayName),
  'billing.invoices.void': (input, ctx) => s.invoices.void(ctx.caller.tenantId, input.invoiceId, input.reason, ctx.caller.user.displayName),
  'billing.payments.record': (input, ctx) => s.payments.record(ctx.caller.tenantId, input, staff(ctx)),
  'billing.payments.reverse': (input, ctx) => s.payments.reverse(ctx.caller.tenantId, input.paymentId, input.reason, staff(ctx)),
  'billing.payments.list': (input, ctx) => s.payments.list(ctx.caller.tenantId, input),
  'billing.customers.balance': (input, ctx) => s.payments.balance(ctx.caller.tenantId, input.customerId),
  'billing.summary': (_input, ctx) => s.reports.summary(ctx.caller.tenantId),
  'billing.reports.closing': (input, ctx) => s.reports.closing(ctx.caller.tenantId, input),
  'billing.reports.export': (input, ctx) => s.exporter.file(ctx.caller.tenantId, input, ctx.locale),
  'billing.invoices.print': (input, ctx) => s.printing.invoice(ctx.caller.tenantId, input, ctx.locale),
  'billing.invoices.printMany': (input, ctx) => s.printing.many(ctx.caller.tenantId, input, ctx.locale),
  'billing.payments.receipt': (input, ctx) => s.printing.receipt(ctx.caller.tenantId, input, ctx.locale),
});
