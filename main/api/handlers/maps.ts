import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';

export const mapHandlers = (s: Services): Pick<Handlers, 'maps.odps.list'> => ({
  'maps.odps.list': (_input, ctx) => s.topology.listOdps(ctx.caller.tenantId),
});
