import { defineModule } from '../module-kit/index.js';
import { networkHandlers } from './handlers.js';
import { RouterChecks } from './router-checks.js';
import type { RouterProbe } from './router-probe.js';
import { RouterOsApi, type RouterApi } from './adapters/routeros/index.js';
import { routerOsProbe } from './adapters/routeros/routeros-probe.js';
import { RouterUsers } from './router-users.js';
import { RoutersService } from './routers-service.js';
import type { TenantService } from '../tenant/index.js';
import { findLandingTemplate } from './landing/landing-page.js';
import { LandingService } from './landing/landing-service.js';
import { RouterPreparer } from './prepare/router-preparer.js';

export interface NetworkOptions {
  /** "Tes koneksi" and health: over the RouterOS API unless a test brings its own. */
  probe?: RouterProbe;
}

/** The ISP's routers: their settings, and what they answer ("Tes koneksi", health). */
export const networkModule = (options: NetworkOptions = {}) =>
  defineModule({
    name: 'network',
    tables: ['routers', 'isolir_landing'],
    create: (infra, needs: { tenants: TenantService }) => {
      // Modules composed later whose rows point at routers (customers) say how many use each one.
      const routerUsers = new RouterUsers();
      const routers = new RoutersService(infra.db, infra.bus, infra.clock, infra.ids, infra.secrets, routerUsers);
      // One connection per router, kept open and shared by every module that talks to routers.
      const routerApi: RouterApi = new RouterOsApi();
      const checks = new RouterChecks(routers, options.probe ?? routerOsProbe(routerApi));
      // The isolir page isolated customers are redirected to, and "Siapkan router", which points the redirect at it.
      const landing = new LandingService(infra.db, infra.clock, infra.log, (t) => needs.tenants.name(t), findLandingTemplate());
      const preparer = new RouterPreparer(routers, routerApi, (t) => landing.address(t));
      return {
        services: { routers, routerUsers, routerApi, landing },
        handlers: networkHandlers(routers, checks, { preparer, landing }),
        usage: { maxRouters: (t: string) => routers.count(t) },
        // Listening failures are kept as the page's problem (shown in its settings), never thrown.
        start: () => void landing.startAll(),
        close: async () => {
          await landing.close();
          await routerApi.close();
        },
      };
    },
  });
