import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';

type CustomerMethods =
  | 'customers.list'
  | 'customers.get'
  | 'customers.create'
  | 'customers.update'
  | 'customers.deactivate'
  | 'customers.reactivate';

export const customerHandlers = (s: Services): Pick<Handlers, CustomerMethods> => ({
  'customers.list': (query, ctx) => s.customers.list(ctx.caller.tenantId, query),
  'customers.get': ({ id }, ctx) => s.customers.get(ctx.caller.tenantId, id),
  'customers.create': (input, ctx) => s.customers.create(ctx.caller.tenantId, input),
  'customers.update': ({ id, ...patch }, ctx) => s.customers.update(ctx.caller.tenantId, id, patch),
  'customers.deactivate': ({ id }, ctx) => s.customers.deactivate(ctx.caller.tenantId, id),
  'customers.reactivate': ({ id }, ctx) => s.customers.reactivate(ctx.caller.tenantId, id),
});
