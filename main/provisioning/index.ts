export { provisioningModule } from './provisioning-module.js';
export type { ProvisioningService } from './provisioning-service.js';
export type { Reconciler } from './reconciler.js';
