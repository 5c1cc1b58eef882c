export { TenantService, type TenantAccess } from './tenant-service.js';
export { TenantProfileService } from './profile-service.js';
export { tenantModule } from './tenant-module.js';
