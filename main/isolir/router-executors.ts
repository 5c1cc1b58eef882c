import type { RouterApi, RoutersService } from '../network/index.js';
import { bindExecutor, type IsolirExecutors, type RouterIsolir } from './isolir-executor.js';
import { RadiusExecutor } from './executors/radius/radius-executor.js';
import type { RadiusStore } from './executors/radius/radius-store.js';
import { RouterOsIsolirExecutor } from './executors/routeros/routeros-executor.js';

/**
 * Each router's isolir by the method chosen for it on the Routers screen: the RouterOS API
 * (profile swap, address list or disabled account) over the kept connection, or RADIUS (group move
 * plus Disconnect-Request) on the tenant's FreeRADIUS database as its setting says now (null: not
 * set, the request fails saying the router is not set up).
 */
export function routerExecutors(routers: RoutersService, api: RouterApi, radiusStore: (tenantId: string) => RadiusStore | null): IsolirExecutors {
  const routerOs = new RouterOsIsolirExecutor(api);
  // One executor per store: its Disconnect client numbers the requests it has in flight.
  const radius = new WeakMap<RadiusStore, RadiusExecutor>();
  const radiusOn = (store: RadiusStore): RadiusExecutor => {
    const executor = radius.get(store) ?? new RadiusExecutor(store);
    radius.set(store, executor);
    return executor;
  };
  return {
    forRouter(tenantId: string, routerId: string): RouterIsolir | null {
      const setup = routers.isolirSetup(tenantId, routerId);
      if (!setup) return null;
      if (setup.method !== 'radius') {
        return bindExecutor(routerOs, { router: setup.api, method: setup.method, isolirProfile: setup.isolirProfile });
      }
      const store = radiusStore(tenantId);
      if (!store || !setup.nas) return null;
      return bindExecutor(radiusOn(store), { nas: setup.nas, isolirGroup: setup.isolirProfile });
    },
  };
}
