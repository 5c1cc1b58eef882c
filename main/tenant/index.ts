export { TenantService, type TenantAccess } from './tenant-service.js';
export { tenantModule } from './tenant-module.js';
