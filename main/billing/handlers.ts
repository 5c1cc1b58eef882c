import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import { Failure } from '../platform/index.js';
import type { SettingsStore } from './settings-store.js';
import type { InvoiceGenerator } from './invoice-generator.js';
import type { InvoiceService } from './invoice-service.js';
import type { LoopMethods } from './loop-handlers.js';

// The loop's methods (exemptions, promises, its settings) are handled in loop-handlers.ts.
type BillingMethods = Exclude<MethodsUnder<'billing.'>, LoopMethods>;

// The contract lands before the services (two other parts build on it); each stub goes as its service comes.
const notYet = (): never => {
  throw new Failure('INTERNAL');
};

export const billingHandlers = (s: { settings: SettingsStore; generator: InvoiceGenerator; invoices: InvoiceService }): Pick<Handlers, BillingMethods> => ({
  'billing.settings.get': (_input, ctx) => s.settings.get(ctx.caller.tenantId),
  'billing.settings.update': (input, ctx) => s.settings.update(ctx.caller.tenantId, input, ctx.caller.user.id),
  'billing.invoices.generate': (_input, ctx) => s.generator.generate(ctx.caller.tenantId, 'manual', ctx.caller.user.displayName),
  'billing.invoices.list': (input, ctx) => s.invoices.list(ctx.caller.tenantId, input),
  'billing.invoices.get': (input, ctx) => s.invoices.get(ctx.caller.tenantId, input.id),
  'billing.invoices.create': (input, ctx) => s.invoices.createOneOff(ctx.caller.tenantId, input, ctx.caller.user.displayName),
  'billing.invoices.addLine': (input, ctx) => s.invoices.addLine(ctx.caller.tenantId, input, ctx.caller.user.displayName),
  'billing.invoices.void': (input, ctx) => s.invoices.void(ctx.caller.tenantId, input.invoiceId, input.reason, ctx.caller.user.displayName),
  'billing.payments.record': notYet,
  'billing.payments.reverse': notYet,
  'billing.payments.list': notYet,
  'billing.customers.balance': notYet,
  'billing.summary': notYet,
  'billing.reports.closing': notYet,
});
