import { defineModule } from '../module-kit/index.js';
import type { RouterUsers } from '../network/index.js';
import type { WaNotifications } from '../wa/index.js';
import { CustomersService, type RouterLookup } from './customers-service.js';
import { customerHandlers } from './handlers.js';
import { customerNames, customerRecipients, customerWelcomeRule } from './notifications.js';
import { PackagesService } from './packages-service.js';

/** Customers and their internet packages; tells wa what its events mean for WhatsApp and whom broadcasts reach. */
export const customersModule = defineModule({
  name: 'customers',
  tables: ['customers', 'customers_search', 'customers_grams', 'packages', 'counters'],
  create: (infra, needs: { routers: RouterLookup; routerUsers: RouterUsers; wa: WaNotifications }) => {
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
    return {
      services: { customers, packages },
      handlers: customerHandlers(customers, packages),
      usage: { maxCustomers: (t: string) => customers.countBillable(t) },
    };
  },
});
