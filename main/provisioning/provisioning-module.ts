import { defineModule } from '../module-kit/index.js';
import type { CustomersService, PackagesService } from '../customers/index.js';
import type { CustomerLock, IsolirExecutors, IsolirIntents } from '../isolir/index.js';
import type { RouterApi, RoutersService } from '../network/index.js';
import { AccountSync } from './account-sync.js';
import { AccountTargets } from './account-targets.js';
import { DriftStore } from './drift-store.js';
import { provisioningHandlers } from './handlers.js';
import { ProvisioningService } from './provisioning-service.js';
import { PROVISIONING_RECONCILE_JOB, Reconciler } from './reconciler.js';
import { StateStore } from './state-store.js';
import { createSyncHandler, PROVISIONING_SYNC_JOB } from './sync-handler.js';
import { provisioningTriggers } from './triggers.js';
import type { ScheduledPayload } from '../jobs/index.js';

/** As isolir: an unreachable router is retried with backoff up to a minute apart, for about half an hour, before the customer shows "failed". */
const MAX_ATTEMPTS = 30;
/** Syncs in flight at once, across routers: each waits two or three round trips; the connections bound what each router gets. */
const CONCURRENCY = 32;
/** How often every router is compared with the console: a hand change in Winbox lasts at most this long. */
const RECONCILE_EVERY_MINUTES = 10;

/** Each customer's account on their router follows the console; the reconciler repairs what was changed by hand. */
export const provisioningModule = defineModule({
  name: 'provisioning',
  tables: ['provisioning_states', 'provisioning_drift', 'provisioning_reconciles'],
  create: (
    infra,
    needs: { customers: CustomersService; packages: PackagesService; routers: RoutersService; routerApi: RouterApi; customerLock: CustomerLock; isolir: IsolirIntents; isolirExecutors: IsolirExecutors },
  ) => {
    const states = new StateStore(infra.db, infra.clock);
    const drift = new DriftStore(infra.db, infra.clock, infra.ids);
    const targets = new AccountTargets(needs.customers, needs.packages, needs.routers, needs.isolir);
    const sync = new AccountSync(needs.routerApi);
    const provisioning = new ProvisioningService(infra.db, states, drift, targets, infra.jobs, infra.bus, infra.ids, needs.customers, needs.routers);
    const shared = { sync, targets, secrets: infra.secrets, lock: needs.customerLock, bus: infra.bus };
    const reconciler = new Reconciler({ ...shared, isolir: needs.isolir, executors: needs.isolirExecutors, db: infra.db, api: needs.routerApi, routers: needs.routers, customers: needs.customers, states, drift });
    const syncHandler = createSyncHandler({ ...shared, writes: infra.writes, store: states });
    return {
      services: { provisioning, reconciler },
      handlers: provisioningHandlers(provisioning, reconciler),
      jobTypes: [
        // A repeat is harmless (the sync sets a state), so a run a crash interrupted simply goes again.
        { type: PROVISIONING_SYNC_JOB, handler: syncHandler, options: { concurrency: CONCURRENCY, maxAttempts: MAX_ATTEMPTS, onInterrupted: 'retry' } },
        {
          type: PROVISIONING_RECONCILE_JOB,
          handler: async (job) => {
            const { tenantId } = job.payload as ScheduledPayload;
            const results = await reconciler.reconcileTenant(tenantId ?? job.tenantId);
            return results.map((r) => ({ routerId: r.routerId, repaired: r.repaired, errorCode: r.errorCode }));
          },
          // The next slot reads every router afresh: a missed one is not worth a retry.
          options: { maxAttempts: 1, onInterrupted: 'dead' },
        },
      ],
      subscribers: [provisioningTriggers(provisioning)],
      schedules: [{ name: 'provisioning-reconcile', recurrence: { kind: 'every', minutes: RECONCILE_EVERY_MINUTES }, perTenant: true, jobType: PROVISIONING_RECONCILE_JOB }],
    };
  },
});
