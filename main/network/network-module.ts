import { defineModule } from '../module-kit/index.js';
import { networkHandlers } from './handlers.js';
import { RoutersService } from './routers-service.js';

/** The ISP's routers (the network issue adds the RouterOS connection pool, health and session sync). */
export const networkModule = defineModule({
  name: 'network',
  tables: ['routers'],
  create: (infra) => {
    const routers = new RoutersService(infra.db, infra.clock, infra.ids, infra.secrets);
    return { services: { routers }, handlers: networkHandlers(routers), usage: { maxRouters: (t: string) => routers.count(t) } };
  },
});
