import type { Handlers } from '../dispatcher.js';
import type { Services } from '../services.js';

export const packageHandlers = (s: Services): Pick<Handlers, 'packages.list' | 'packages.create' | 'packages.update'> => ({
  'packages.list': ({ includeInactive }, ctx) => s.packages.list(ctx.caller.tenantId, includeInactive),
  'packages.create': (input, ctx) => s.packages.create(ctx.caller.tenantId, input),
  'packages.update': ({ id, ...patch }, ctx) => s.packages.update(ctx.caller.tenantId, id, patch),
});
