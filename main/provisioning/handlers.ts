import type { Handlers } from '../module-kit/index.js';
import type { ProvisioningService } from './provisioning-service.js';
import type { Reconciler } from './reconciler.js';

type ProvisioningMethods = 'provisioning.state' | 'provisioning.retry' | 'provisioning.reconcile' | 'provisioning.drift';

export const provisioningHandlers = (provisioning: ProvisioningService, reconciler: Reconciler): Pick<Handlers, ProvisioningMethods> => ({
  'provisioning.state': (input, ctx) => provisioning.state(ctx.caller.tenantId, input.customerId),
  'provisioning.retry': (input, ctx) => provisioning.retry(ctx.caller.tenantId, input.customerId),
  'provisioning.reconcile': (input, ctx) => reconciler.reconcile(ctx.caller.tenantId, input.routerId),
  'provisioning.drift': (input, ctx) => provisioning.driftLog(ctx.caller.tenantId, input),
});
