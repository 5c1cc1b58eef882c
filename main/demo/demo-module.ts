import type { CustomersService, PackagesService } from '../customers/index.js';
import type { TopologyService } from '../maps/index.js';
import { defineModule } from '../module-kit/index.js';
import type { RoutersService } from '../network/index.js';
import type { TenantService } from '../tenant/index.js';
import { DemoRouters } from './demo-router.js';
import { DemoSeeder } from './demo-seeder.js';

interface DemoNeeds {
  tenants: TenantService;
  packages: PackagesService;
  customers: CustomersService;
  routers: RoutersService;
  topology: TopologyService;
}

/** "RT/RW Net Demo": a town made through the other modules' services, and its simulated router; owns no table. */
export const demoModule = defineModule({
  name: 'demo',
  tables: [],
  create: (infra, n: DemoNeeds) => {
    const demoRouters = new DemoRouters(n.tenants, n.routers, infra.log);
    return {
      services: { demo: new DemoSeeder(infra.db, n.tenants, n.packages, n.customers, n.routers, n.topology, demoRouters), demoRouters },
      handlers: {},
      start: () => demoRouters.startAll(),
      close: () => demoRouters.close(),
    };
  },
});
