import { defineModule } from '../module-kit/index.js';
import type { TenantService } from '../tenant/index.js';
import { AccountsService } from './accounts-service.js';
import { accountHandlers } from './handlers.js';

const SESSIONS_RETENTION_JOB = 'accounts.sessions-retention';

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
      jobTypes: [
        // Expired sessions are refused already; the sweep only keeps the table small. Repeating it is harmless.
        { type: SESSIONS_RETENTION_JOB, handler: async () => ({ sessions: accounts.sessions.pruneExpired() }), options: { onInterrupted: 'retry' as const } },
      ],
      schedules: [{ name: SESSIONS_RETENTION_JOB, recurrence: { kind: 'daily', at: '03:05' }, perTenant: false, jobType: SESSIONS_RETENTION_JOB }],
    };
  },
});
