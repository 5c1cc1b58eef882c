import { defineModule } from '../module-kit/index.js';
import type { RouterUsers } from '../network/index.js';
import type { WaNotifications } from '../wa/index.js';
import { CustomersService, type RouterLookup } from './customers-service.js';
import { customerHandlers } from './handlers.js';
import { customerNames, customerRecipients, customerWelcomeRule } from './notifications.js';
import { PackagesService } from './packages-service.js';
import { CustomerExporter } from './import/customer-export.js';
import { importHandlers } from './import/handlers.js';
import { ImportService } from './import/import-service.js';
import type { TenantService } from '../tenant/index.js';

/** Customers and their internet packages; tells wa what its events mean for WhatsApp and whom broadcasts reach. */
export const customersModule = defineModule({
  name: 'customers',
  tables: ['customers', 'customers_search', 'customers_grams', 'packages', 'counters', 'customer_imports'],
  create: (infra, needs: { routers: RouterLookup; routerUsers: RouterUsers; wa: WaNotifications; tenants: Pick<TenantService, 'access' | 'zone'> }) => {
    const packages = new PackagesService(infra.db, infra.bus, infra.clock, infra.ids);
    const customers = new CustomersService(infra.db, infra.bus, infra.clock, infra.ids, packages, needs.routers);
    // A router with customers on it cannot be removed: network asks here, never reads the customers table.
    needs.routerUsers.provide((tenantId) => customers.countByRouter(tenantId));
    needs.wa.notifications.register(customerWelcomeRule(customers));
    const recipients = customerRecipients(customers);
    needs.wa.recipients.provide('all_active', recipients.all_active);
    needs.wa.recipients.provide('package', recipients.package);
    needs.wa.recipients.provide('isolated', recipients.isolated);
    needs.wa.names.provide(customerNames(customers));
    const limit = { maxCustomers: (tenantId: string) => needs.tenants.access(tenantId).limits.maxCustomers };
    const imports = new ImportService(infra.db, infra.bus, infra.clock, infra.ids, infra.secrets, customers, packages, limit);
    return {
      services: { customers, packages, customerImports: imports },
      handlers: { ...customerHandlers(customers, packages), ...importHandlers(imports, new CustomerExporter(customers, infra.clock, (tenantId) => needs.tenants.zone(tenantId))) },
      usage: { maxCustomers: (t: string) => customers.countBillable(t) },
    };
  },
});
