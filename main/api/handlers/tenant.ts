import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';

export const tenantHandlers = (s: Services): Pick<Handlers, 'tenant.get' | 'tenant.update' | 'routers.list' | 'dashboard.summary'> => ({
  'tenant.get': (_input, ctx) => s.tenants.get(ctx.caller.tenantId),
  'tenant.update': (input, ctx) => s.tenants.update(ctx.caller.tenantId, input),
  'routers.list': (_input, ctx) => s.routers.list(ctx.caller.tenantId),
  'dashboard.summary': (_input, ctx) => s.customers.summary(ctx.caller.tenantId),
});
