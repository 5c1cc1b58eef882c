import { defineModule } from '../module-kit/index.js';
import { tenantHandlers } from './handlers.js';
import { TenantProfileService } from './profile-service.js';
import { TenantService } from './tenant-service.js';

/** The ISP itself: its profile, plan, features and limits (counted by the modules that own the things). */
export const tenantModule = defineModule({
  name: 'tenant',
  tables: ['tenants', 'tenant_profiles'],
  create: (infra) => {
    const tenants = new TenantService(infra.db, infra.bus, infra.clock, infra.ids, infra.usage);
    const tenantProfiles = new TenantProfileService(infra.db, infra.clock, (t) => tenants.name(t));
    return { services: { tenants, tenantProfiles }, handlers: tenantHandlers(tenants, tenantProfiles) };
  },
});
