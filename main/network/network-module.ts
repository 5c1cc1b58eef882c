import { defineModule } from '../module-kit/index.js';
import { networkHandlers } from './handlers.js';
import { RouterChecks } from './router-checks.js';
import type { RouterProbe } from './router-probe.js';
import { RouterOsApi, type RouterApi } from './adapters/routeros/index.js';
import { routerOsProbe } from './adapters/routeros/routeros-probe.js';
import { RouterUsers } from './router-users.js';
import { RoutersService } from './routers-service.js';

export interface NetworkOptions {
  /** "Tes koneksi" and health: over the RouterOS API unless a test brings its own. */
  probe?: RouterProbe;
}

/** The ISP's routers: their settings, and what they answer ("Tes koneksi", health). */
export const networkModule = (options: NetworkOptions = {}) =>
  defineModule({
    name: 'network',
    tables: ['routers'],
    create: (infra) => {
      // Modules composed later whose rows point at routers (customers) say how many use each one.
      const routerUsers = new RouterUsers();
      const routers = new RoutersService(infra.db, infra.bus, infra.clock, infra.ids, infra.secrets, routerUsers);
      // One connection per router, kept open and shared by every module that talks to routers.
      const routerApi: RouterApi = new RouterOsApi();
      const checks = new RouterChecks(routers, options.probe ?? routerOsProbe(routerApi));
      return {
        services: { routers, routerUsers, routerApi },
        handlers: networkHandlers(routers, checks),
        usage: { maxRouters: (t: string) => routers.count(t) },
        close: () => routerApi.close(),
      };
    },
  });
