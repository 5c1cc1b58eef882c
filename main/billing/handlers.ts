import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import { Failure } from '../platform/index.js';
import type { SettingsStore } from './settings-store.js';
import type { LoopMethods } from './loop-handlers.js';

// The loop's methods (exemptions, promises, its settings) are handled in loop-handlers.ts.
type BillingMethods = Exclude<MethodsUnder<'billing.'>, LoopMethods>;

// The contract lands before the services (two other parts build on it); each stub goes as its service comes.
const notYet = (): never => {
  throw new Failure('INTERNAL');
};

export const billingHandlers = (settings: SettingsStore): Pick<Handlers, BillingMethods> => ({
  'billing.settings.get': (_input, ctx) => settings.get(ctx.caller.tenantId),
  'billing.settings.update': (input, ctx) => settings.update(ctx.caller.tenantId, input, ctx.caller.user.id),
  'billing.invoices.generate': notYet,
  'billing.invoices.list': notYet,
  'billing.invoices.get': notYet,
  'billing.invoices.create': notYet,
  'billing.invoices.addLine': notYet,
  'billing.invoices.void': notYet,
  'billing.payments.record': notYet,
  'billing.payments.reverse': notYet,
  'billing.payments.list': notYet,
  'billing.customers.balance': notYet,
  'billing.summary': notYet,
  'billing.reports.closing': notYet,
});
