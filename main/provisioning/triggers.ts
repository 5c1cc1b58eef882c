import type { SubscriberDef } from '../module-kit/index.js';
import type { ProvisioningService } from './provisioning-service.js';

/** The customer changes that may change what their router must hold. */
const CUSTOMER_CHANGES = new Set(['customer_created', 'customer_updated', 'customer_deactivated', 'customer_reactivated']);

/**
 * Durable, so a change committed just before a crash still reaches the router after the restart.
 * Delivered at least once: a repeat finds the router already holding the account (or a job queued) and sends nothing.
 */
export function provisioningTriggers(provisioning: ProvisioningService): SubscriberDef {
  return {
    name: 'provisioning',
    durable: true,
    handler: (event) => {
      if (event.name === 'customers_imported') provisioning.imported(event.tenantId);
      else if (CUSTOMER_CHANGES.has(event.name)) provisioning.changed(event.tenantId, (event.payload as { customerId: string }).customerId);
    },
  };
}
