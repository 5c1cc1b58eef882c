import { defineModule } from '../module-kit/index.js';
import type { TenantService } from '../tenant/index.js';
import { AccountsService } from './accounts-service.js';
import { accountHandlers } from './handlers.js';

/** Users, passwords and sessions of a tenant. */
export const accountsModule = defineModule({
  name: 'accounts',
  tables: ['users', 'sessions'],
  create: (infra, needs: { tenants: TenantService }) => {
    const accounts = new AccountsService(infra.db, infra.bus, infra.clock, infra.ids, needs.tenants);
    return {
      services: { accounts },
      handlers: accountHandlers(accounts, needs.tenants),
      usage: { maxUsers: (t: string) => accounts.count(t) },
    };
  },
});
