import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import type { Exemptions } from './exemptions.js';
import type { LoopSettingsStore } from './loop-settings.js';
import type { Promises } from './promises.js';

export type LoopMethods = MethodsUnder<'billing.exemptions.'> | MethodsUnder<'billing.promises.'> | MethodsUnder<'billing.loopSettings.'>;

/** The loop's contract methods; `today` is the caller's tenant's calendar day (its own zone). */
export const loopHandlers = (parts: {
  exemptions: Exemptions;
  promises: Promises;
  settings: LoopSettingsStore;
  today: (tenantId: string) => string;
}): Pick<Handlers, LoopMethods> => ({
  'billing.exemptions.list': (_input, ctx) => parts.exemptions.list(ctx.caller.tenantId),
  'billing.exemptions.set': (input, ctx) => parts.exemptions.set(ctx.caller.tenantId, input.customerId, input.reason, ctx.caller.user.displayName),
  'billing.exemptions.clear': (input, ctx) => parts.exemptions.clear(ctx.caller.tenantId, input.customerId, ctx.caller.user.displayName),
  'billing.promises.create': (input, ctx) =>
    parts.promises.create(ctx.caller.tenantId, input, parts.today(ctx.caller.tenantId), ctx.caller.user.displayName),
  'billing.promises.list': (input, ctx) => parts.promises.list(ctx.caller.tenantId, input.customerId),
  'billing.promises.cancel': (input, ctx) => parts.promises.cancel(ctx.caller.tenantId, input.id, ctx.caller.user.displayName),
  'billing.loopSettings.get': (_input, ctx) => parts.settings.get(ctx.caller.tenantId),
  'billing.loopSettings.update': (input, ctx) => parts.settings.update(ctx.caller.tenantId, input),
});
