import { defineModule } from '../module-kit/index.js';
import { networkHandlers } from './handlers.js';
import { RouterChecks } from './router-checks.js';
import type { RouterProbe } from './router-probe.js';
import { RouterUsers } from './router-users.js';
import { RoutersService } from './routers-service.js';

export interface NetworkOptions {
  /** Talks to the routers (the RouterOS API client); required, so no build runs "Tes koneksi" against nothing. */
  probe: RouterProbe;
}

/** The ISP's routers: their settings, and what they answer ("Tes koneksi", health). */
export const networkModule = (options: NetworkOptions) =>
  defineModule({
    name: 'network',
    tables: ['routers'],
    create: (infra) => {
      // Modules composed later whose rows point at routers (customers) say how many use each one.
      const routerUsers = new RouterUsers();
      const routers = new RoutersService(infra.db, infra.bus, infra.clock, infra.ids, infra.secrets, routerUsers);
      const checks = new RouterChecks(routers, options.probe);
      return {
        services: { routers, routerUsers },
        handlers: networkHandlers(routers, checks),
        usage: { maxRouters: (t: string) => routers.count(t) },
      };
    },
  });
