import type { AccountsService } from '../accounts/index.js';
import type { CustomersService, PackagesService } from '../customers/index.js';
import type { RoutersService } from '../network/index.js';
import type { TenantService } from '../tenant/index.js';
import type { DemoSeeder } from '../demo/index.js';
import type { WaModule } from '../wa/index.js';
import type { TopologyService } from '../maps/index.js';
import type { DeadLetter } from '../../shared/contract/methods/system.js';

/** What handlers may reach: services only, never the database. */
export interface Services {
  accounts: AccountsService;
  tenants: TenantService;
  packages: PackagesService;
  customers: CustomersService;
  routers: RoutersService;
  demo: DemoSeeder;
  wa: WaModule;
  topology: TopologyService;
  /** The event bus's parked events, for the owner's "system failures" panel. */
  deadLetters: {
    list(tenantId: string): DeadLetter[];
    retry(tenantId: string, id: number): Promise<{ delivered: boolean; deadLetter: DeadLetter | null } | null>;
  };
}
