import type { Handlers } from '../module-kit/index.js';
import type { TenantProfileService } from './profile-service.js';
import type { TenantService } from './tenant-service.js';

type TenantMethods = 'tenant.get' | 'tenant.update' | 'tenant.profile.get' | 'tenant.profile.update';

export const tenantHandlers = (tenants: TenantService, profiles: TenantProfileService): Pick<Handlers, TenantMethods> => ({
  'tenant.get': (_input, ctx) => tenants.get(ctx.caller.tenantId),
  'tenant.update': (input, ctx) => tenants.update(ctx.caller.tenantId, input),
  'tenant.profile.get': (_input, ctx) => profiles.get(ctx.caller.tenantId),
  'tenant.profile.update': (input, ctx) => profiles.update(ctx.caller.tenantId, input),
});
