import type { Handlers } from '../module-kit/index.js';
import type { TenantService } from './tenant-service.js';

export const tenantHandlers = (tenants: TenantService): Pick<Handlers, 'tenant.get' | 'tenant.update'> => ({
  'tenant.get': (_input, ctx) => tenants.get(ctx.caller.tenantId),
  'tenant.update': (input, ctx) => tenants.update(ctx.caller.tenantId, input),
});
