import type { RouterApi, RoutersService } from '../network/index.js';
import { bindExecutor, type IsolirExecutors, type RouterIsolir } from './isolir-executor.js';
import { RadiusExecutor } from './executors/radius/radius-executor.js';
import type { RadiusStore } from './executors/radius/radius-store.js';
import { RouterOsIsolirExecutor } from './executors/routeros/routeros-executor.js';

/**
 * Each router's isolir by the method chosen for it on the Routers screen: the RouterOS API
 * (profile swap, address list or disabled account) over the kept connection, or RADIUS (group move
 * plus Disconnect-Request) when the install's FreeRADIUS database is known.
 */
export function routerExecutors(routers: RoutersService, api: RouterApi, radiusStore: RadiusStore | null): IsolirExecutors {
  const routerOs = new RouterOsIsolirExecutor(api);
  const radius = radiusStore ? new RadiusExecutor(radiusStore) : null;
  return {
    forRouter(tenantId: string, routerId: string): RouterIsolir | null {
      const setup = routers.isolirSetup(tenantId, routerId);
      if (!setup) return null;
      if (setup.method !== 'radius') {
        return bindExecutor(routerOs, { router: setup.api, method: setup.method, isolirProfile: setup.isolirProfile });
      }
      if (!radius || !setup.nas) return null;
      return bindExecutor(radius, { nas: setup.nas, isolirGroup: setup.isolirProfile });
    },
  };
}
