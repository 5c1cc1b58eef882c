import { defineModule } from '../module-kit/index.js';
import type { TenantService } from '../tenant/index.js';
import { AccountsService } from './accounts-service.js';
import { accountHandlers } from './handlers.js';

const SESSIONS_RETENTION_JOB = 'accounts.sessions-retention';

/** Users, passwords and sessions of a tenant. */
export const accountsModule = defineModule({
  name: 'accounts',
  tables: ['users', 'sessions', 'login_throttle'],
  create: (infra, needs: { tenants: TenantService }) => {
    const accounts = new AccountsService(infra.db, infra.bus, infra.clock, infra.ids, needs.tenants);
    return {
      services: { accounts },
      handlers: accountHandlers(accounts, needs.tenants),
      usage: { maxUsers: (t: string) => accounts.count(t) },
      jobTypes: [
        // Expired sessions and forgotten sign-in counters are ignored already; the sweep only keeps the tables small. Repeating it is harmless.
        {
          type: SESSIONS_RETENTION_JOB,
          handler: async () => ({ sessions: accounts.sessions.pruneExpired(), loginCounters: accounts.throttle.pruneForgotten() }),
          options: { onInterrupted: 'retry' as const },
        },
      ],
      schedules: [{ name: SESSIONS_RETENTION_JOB, recurrence: { kind: 'daily', at: '03:05' }, perTenant: false, jobType: SESSIONS_RETENTION_JOB }],
    };
  },
});
