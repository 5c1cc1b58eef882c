export { TenantService, type TenantAccess } from './tenant-service.js';
export { UsageRegistry } from './usage-registry.js';
