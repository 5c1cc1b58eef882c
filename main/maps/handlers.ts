import type { Handlers } from '../module-kit/index.js';
import type { TopologyService } from './topology-service.js';

export const mapHandlers = (topology: TopologyService): Pick<Handlers, 'maps.odps.list'> => ({
  'maps.odps.list': (_input, ctx) => topology.listOdps(ctx.caller.tenantId),
});
