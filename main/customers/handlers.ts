import type { Handlers, MethodsUnder } from '../module-kit/index.js';
import type { CustomersService } from './customers-service.js';
import type { PackagesService } from './packages-service.js';

type CustomerMethods = MethodsUnder<'customers.' | 'packages.'> | 'dashboard.summary';

export const customerHandlers = (customers: CustomersService, packages: PackagesService): Pick<Handlers, CustomerMethods> => ({
  'customers.list': (query, ctx) => customers.list(ctx.caller.tenantId, query),
  'customers.get': ({ id }, ctx) => customers.get(ctx.caller.tenantId, id),
  'customers.duplicates': (query, ctx) => customers.duplicates(ctx.caller.tenantId, query),
  'customers.create': (input, ctx) => customers.create(ctx.caller.tenantId, input),
  'customers.update': ({ id, ...patch }, ctx) => customers.update(ctx.caller.tenantId, id, patch),
  'customers.deactivate': ({ id }, ctx) => customers.deactivate(ctx.caller.tenantId, id),
  'customers.reactivate': ({ id }, ctx) => customers.reactivate(ctx.caller.tenantId, id),
  'packages.list': ({ includeInactive }, ctx) => packages.list(ctx.caller.tenantId, includeInactive),
  'packages.create': (input, ctx) => packages.create(ctx.caller.tenantId, input),
  'packages.update': ({ id, ...patch }, ctx) => packages.update(ctx.caller.tenantId, id, patch),
  'dashboard.summary': (_input, ctx) => customers.summary(ctx.caller.tenantId),
});
