import { defineModule } from '../module-kit/index.js';
import type { TenantProfileService, TenantService } from '../tenant/index.js';
import { documentsHandlers } from './handlers.js';

/**
 * Printable invoices and receipts: a pure renderer (print HTML and PDF for 58 mm, 80 mm and A4),
 * no tables of its own. Billing, which owns the money, builds each BillingDocument and prints it
 * through this module's face; the module's own methods print a sample with the ISP's profile.
 */
export const documentsModule = defineModule({
  name: 'documents',
  tables: [],
  create: (infra, needs: { tenants: Pick<TenantService, 'zone'>; tenantProfiles: Pick<TenantProfileService, 'get'> }) => ({
    services: {},
    handlers: documentsHandlers(needs.tenants, needs.tenantProfiles, infra.clock),
  }),
});
