import type { CustomersService } from '../customers/index.js';
import { defineModule } from '../module-kit/index.js';
import type { WaNotifications } from '../wa/index.js';
import { mapHandlers } from './handlers.js';
import { TopologyService } from './topology-service.js';

/** The fibre tree (ODC -> ODP -> customer); answers broadcasts "everyone on this ODP". */
export const mapsModule = defineModule({
  name: 'maps',
  tables: ['odcs', 'odps', 'odp_links'],
  create: (infra, needs: { customers: Pick<CustomersService, 'contacts'>; wa: WaNotifications }) => {
    const topology = new TopologyService(infra.db, infra.clock, infra.ids);
    needs.wa.recipients.provide('odp', (tenantId, filter) =>
      needs.customers.contacts(tenantId, { ids: topology.customersOn(tenantId, filter.odpId) }),
    );
    return {
      services: { topology },
      handlers: mapHandlers(topology),
      usage: { maxOdp: (t: string) => topology.counts(t).odps },
    };
  },
});
