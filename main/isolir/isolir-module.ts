import { defineModule } from '../module-kit/index.js';
import type { CustomersService, PackagesService } from '../customers/index.js';
import type { WaNotifications } from '../wa/index.js';
import type { RouterApi, RoutersService } from '../network/index.js';
import type { RadiusStore } from './executors/radius/radius-store.js';
import { routerExecutors } from './router-executors.js';
import { RadiusDatabaseSettings } from './radius-database/radius-database-settings.js';
import { RadiusStores } from './radius-database/radius-stores.js';
import { ActionStore } from './action-store.js';
import { createApplyHandler } from './apply-handler.js';
import { CustomerLock } from './customer-lock.js';
import { isolirHandlers } from './handlers.js';
import type { IsolirExecutors } from './isolir-executor.js';
import { ISOLIR_APPLY_JOB, IsolirService } from './isolir-service.js';
import { isolirNotificationRules } from './notifications.js';

export interface IsolirOptions {
  /** Which executor acts on each router; by default the router's isolir method over the network module's connections. */
  executors?: IsolirExecutors;
  /**
   * One FreeRADIUS database for every tenant, for tests; by default each tenant's "Database
   * FreeRADIUS" setting (none saved: RADIUS routers' requests fail, saying the router is not set up).
   */
  radiusStore?: RadiusStore;
}

/**
 * Routers hear about a change of mind within a minute at most: an unreachable router is retried with
 * backoff from 2 s up to 60 s, for about half an hour, before the request is shown as failed.
 */
const MAX_ATTEMPTS = 30;
/**
 * Requests in flight at once, across routers: five routers each take 8 commands at a time (the
 * connection's bound keeps a small hEX from being flooded), and each request waits a round trip
 * or two, so this many keep them all busy.
 */
const CONCURRENCY = 128;

/** Isolate and reconnect customers on the network, with a ledger of what each router confirmed. */
export const isolirModule = (options: IsolirOptions = {}) =>
  defineModule({
    name: 'isolir',
    tables: ['isolir_actions', 'radius_databases'],
    create: (infra, needs: { customers: CustomersService; packages: PackagesService; wa: WaNotifications; routers: RoutersService; routerApi: RouterApi }) => {
      const store = new ActionStore(infra.db, infra.clock);
      const isolir = new IsolirService(infra.db, store, infra.jobs, infra.bus, needs.customers, infra.clock, infra.ids);
      // Built from the setting when first needed, dropped when it changes: no restart.
      const radiusStores = new RadiusStores((tenantId) => radiusDb.config(tenantId));
      const radiusDb = new RadiusDatabaseSettings(infra.db, infra.clock, infra.ids, infra.secrets, (tenantId) => radiusStores.forget(tenantId));
      for (const rule of isolirNotificationRules(needs.customers)) needs.wa.notifications.register(rule);
      // Provisioning (composed after) takes the same lock: a package change never undoes an isolation.
      const customerLock = new CustomerLock();
      // Also the reconciler's, to put back an isolation changed by hand (an address-list entry removed in Winbox).
      const isolirExecutors = options.executors ?? routerExecutors(needs.routers, needs.routerApi, (tenantId) => options.radiusStore ?? radiusStores.forTenant(tenantId));
      const apply = createApplyHandler({
        writes: infra.writes,
        store,
        bus: infra.bus,
        customers: needs.customers,
        packages: needs.packages,
        executors: isolirExecutors,
        lock: customerLock,
      });
      return {
        services: { isolir, customerLock, radiusDb, isolirExecutors },
        handlers: isolirHandlers(isolir, radiusDb),
        // A repeat is harmless (an executor sets a state), so a run a crash interrupted simply goes again.
        jobTypes: [{ type: ISOLIR_APPLY_JOB, handler: apply, options: { concurrency: CONCURRENCY, maxAttempts: MAX_ATTEMPTS, onInterrupted: 'retry' } }],
        close: () => radiusStores.close(),
      };
    },
  });
