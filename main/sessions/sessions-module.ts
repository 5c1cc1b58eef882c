import { defineModule } from '../module-kit/index.js';
import type { RouterApi } from '../network/index.js';
import type { TenantService } from '../tenant/index.js';
import { sessionHandlers } from './handlers.js';
import { SessionPoller, type SessionCustomers, type SessionRouters } from './session-poller.js';
import { SessionViews } from './session-views.js';

/**
 * Every 30 s: often enough that "is he online?" on the phone is answered by the screen, seldom
 * enough for a small hEX (two prints per router). A timer, not the scheduler: a missed poll is
 * not work to catch up, and nothing of it needs to survive a restart.
 */
const POLL_EVERY_MS = 30_000;

/** Who is online now on each router, and customer_online / customer_offline when it changes. */
export const sessionsModule = defineModule({
  name: 'sessions',
  tables: [],
  create: (infra, needs: { routers: SessionRouters; routerApi: RouterApi; customers: SessionCustomers; tenants: Pick<TenantService, 'zones'> }) => {
    const poller = new SessionPoller(infra.db, infra.bus, infra.clock, infra.log, needs.routers, needs.routerApi, needs.customers);
    const views = new SessionViews(poller, needs.routers, needs.customers, infra.clock);
    const pollAll = () => poller.pollAll(needs.tenants.zones().map((t) => t.id));
    let timer: NodeJS.Timeout | null = null;
    return {
      services: { sessions: poller },
      handlers: sessionHandlers(views),
      start() {
        timer = setInterval(() => {
          pollAll().catch((error: unknown) => infra.log.warn('sessions poll failed', { error: String(error) }));
        }, POLL_EVERY_MS);
        // The core's process may end while this waits: the timer alone keeps nothing alive.
        timer.unref();
      },
      close() {
        if (timer) clearInterval(timer);
      },
    };
  },
});
